package dev.signet.server.clients;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The authorization server's view of the relying-party registry: each {@link RelyingParty} becomes a
 * {@link RegisteredClient} (id = client id). Signet-specific fields (sector, subject type, allowed vtr, back-channel
 * URI) are read from {@link RelyingPartyRepository} by the features that need them, not hidden in settings maps.
 *
 * <p>Read from PostgreSQL, never cached beyond one request (the server gives it a
 * {@link RequestScopedManagedRelyingParties}, so a token request asking for its client many times reads it once): when an operator disables a relying party or rotates its
 * secret through the admin API, every instance refuses it from the next request. A disabled relying party is unknown
 * to {@link #findByClientId} ({@code invalid_client} at the token, introspection and revocation endpoints; the
 * authorization endpoint shows its page for an unknown client); its stored tokens introspect as inactive
 * ({@link DisabledClientIntrospection}) and are refused at userinfo. During a secret rotation's overlap the stored secret lists both hashes, which
 * {@link Sha256ClientSecretEncoder} accepts.
 */
public final class RelyingPartyRegisteredClientRepository implements RegisteredClientRepository {

    private final ManagedRelyingPartyRepository relyingParties;
    private final Clock clock;

    public RelyingPartyRegisteredClientRepository(ManagedRelyingPartyRepository relyingParties, Clock clock) {
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Relying parties are declared in the relying-party file or the admin API, never by the authorization server. */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Relying parties are declared in signet.clients.file or through the "
                + "admin API, not by dynamic registration");
    }

    /**
     * Any stored relying party, enabled or not: the framework looks clients up by id for what it already holds (a
     * stored authorization's client, an ID token hint's), and a disabled client's stored tokens must still be
     * readable to be refused rather than fail. Whether a client may act is {@link #findByClientId}'s answer.
     */
    @Override
    public RegisteredClient findById(String id) {
        return find(id, false);
    }

    /** The client that authenticates or starts an authorization now: enabled relying parties only. */
    @Override
    public RegisteredClient findByClientId(String clientId) {
        return find(clientId, true);
    }

    private RegisteredClient find(String clientId, boolean enabledOnly) {
        if (clientId == null) {
            return null;
        }
        return relyingParties.find(clientId).filter(managed -> managed.enabled() || !enabledOnly)
                .map(managed -> toRegisteredClient(managed.registration(),
                        managed.previousSecretValidAt(clock.instant())))
                .orElse(null);
    }

    static RegisteredClient toRegisteredClient(RelyingParty rp, Optional<String> previousSecretSha256) {
        ClientSettings.Builder clientSettings = ClientSettings.builder()
                .requireProofKey(rp.pkceRequired())
                // Public services sign citizens in; the citizen consented by choosing the service.
                .requireAuthorizationConsent(false);
        rp.jwksUri().map(URI::toString).ifPresent(clientSettings::jwkSetUrl);
        return RegisteredClient.withId(rp.clientId())
                .clientId(rp.clientId())
                .clientName(rp.name())
                .clientSecret(rp.clientSecretSha256()
                        .map(current -> previousSecretSha256.map(previous -> Sha256ClientSecretEncoder.either(current,
                                previous)).orElse(current))
                        .orElse(null))
                .clientAuthenticationMethod(new ClientAuthenticationMethod(rp.authMethod().value()))
                .authorizationGrantTypes(grants -> rp.grantTypes()
                        .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
                .redirectUris(uris -> rp.redirectUris().forEach(uri -> uris.add(uri.toString())))
                .postLogoutRedirectUris(uris -> rp.postLogoutRedirectUris().forEach(uri -> uris.add(uri.toString())))
                .scopes(scopes -> scopes.addAll(rp.scopes()))
                .clientSettings(clientSettings.build())
                .tokenSettings(TokenSettings.builder()
                        .idTokenSignatureAlgorithm(rp.idTokenSigningAlgorithm() == IdTokenSigningAlgorithm.RS256
                                ? SignatureAlgorithm.RS256 : SignatureAlgorithm.ES256)
                        // Refresh tokens rotate on every use (reuse detection is the token feature's job).
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
