package dev.signet.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Your service as registered with the simulator, as Signet's operators would register it: its client id, how it
 * authenticates (its public JWK set for {@code private_key_jwt}, or a secret for {@code client_secret_basic}), and its
 * exact redirect URIs. Where the simulator delivers back-channel logout tokens and security events is optional.
 *
 * <pre>{@code
 * SimulatedClient.builder("fishing-licence")
 *         .jwks(clientKey.publicJwkSet())
 *         .redirectUri("http://localhost:8080/auth/callback")
 *         .postLogoutRedirectUri("http://localhost:8080/signed-out")
 *         .backChannelLogoutUri("http://localhost:8080/auth/backchannel-logout")
 *         .build();
 * }</pre>
 */
public record SimulatedClient(String clientId, Optional<String> jwks, Optional<String> clientSecret,
        List<URI> redirectUris, List<URI> postLogoutRedirectUris, Optional<URI> backChannelLogoutUri,
        Optional<URI> eventsUri) {

    public SimulatedClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (jwks.isEmpty() && clientSecret.isEmpty()) {
            throw new IllegalArgumentException("Client " + clientId + " needs jwks (private_key_jwt) or a client "
                    + "secret (client_secret_basic)");
        }
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("Client " + clientId + " needs at least one redirect URI");
        }
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        Objects.requireNonNull(backChannelLogoutUri, "backChannelLogoutUri");
        Objects.requireNonNull(eventsUri, "eventsUri");
    }

    public static Builder builder(String clientId) {
        return new Builder(clientId);
    }

    public static final class Builder {
        private final String clientId;
        private String jwks;
        private String clientSecret;
        private final List<URI> redirectUris = new ArrayList<>();
        private final List<URI> postLogoutRedirectUris = new ArrayList<>();
        private URI backChannelLogoutUri;
        private URI eventsUri;

        private Builder(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
        }

        /** The client's public JWK set (JSON), for {@code private_key_jwt} and signed request objects. */
        public Builder jwks(String jwks) {
            this.jwks = Objects.requireNonNull(jwks, "jwks");
            return this;
        }

        /** A secret for {@code client_secret_basic}. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** A redirect URI; the request's must equal one of them exactly. */
        public Builder redirectUri(String uri) {
            redirectUris.add(URI.create(uri));
            return this;
        }

        public Builder postLogoutRedirectUri(String uri) {
            postLogoutRedirectUris.add(URI.create(uri));
            return this;
        }

        /** Where logout tokens are POSTed ({@code logout_token=...}). */
        public Builder backChannelLogoutUri(String uri) {
            this.backChannelLogoutUri = URI.create(uri);
            return this;
        }

        /** Where security event tokens are pushed (RFC 8935, {@code application/secevent+jwt}). */
        public Builder eventsUri(String uri) {
            this.eventsUri = URI.create(uri);
            return this;
        }

        public SimulatedClient build() {
            return new SimulatedClient(clientId, Optional.ofNullable(jwks), Optional.ofNullable(clientSecret),
                    redirectUris, postLogoutRedirectUris, Optional.ofNullable(backChannelLogoutUri),
                    Optional.ofNullable(eventsUri));
        }
    }
}
