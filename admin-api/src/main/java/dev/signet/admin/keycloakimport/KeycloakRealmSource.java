package dev.signet.admin.keycloakimport;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Where a realm's users are read from and with which credentials: a service account (client credentials; the client
 * needs the realm-management role {@code view-users}) or an administrator's username and password. Never printed
 * with its secrets, never stored.
 *
 * @param serverUrl    Keycloak's base URL ({@code https://keycloak.example}, without {@code /realms/...})
 * @param realm        the realm whose users are imported
 * @param authRealm    the realm the credentials belong to (the same realm, or {@code master} for an administrator)
 * @param clientId     the client the credentials are for
 * @param clientSecret the service account's secret; empty when signing in with a username and password
 * @param username     the administrator's username; empty for a service account
 * @param password     the administrator's password; empty for a service account
 */
public record KeycloakRealmSource(URI serverUrl, String realm, String authRealm, String clientId,
        Optional<String> clientSecret, Optional<String> username, Optional<String> password) {

    /** Longest wait for a connection to Keycloak, and for one answer. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int READ_TIMEOUT_SECONDS = 60;

    public KeycloakRealmSource {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(authRealm, "authRealm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** A new admin client for this source, with timeouts; close it after use. */
    Keycloak open() {
        Client http = ClientBuilder.newBuilder().connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS).register(new JacksonProvider()).build();
        KeycloakBuilder builder = KeycloakBuilder.builder().serverUrl(serverUrl.toString()).realm(authRealm)
                .clientId(clientId).resteasyClient(http);
        if (username.isPresent()) {
            builder.grantType(OAuth2Constants.PASSWORD).username(username.get()).password(password.orElse(""));
            clientSecret.ifPresent(builder::clientSecret);
        } else {
            builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(clientSecret.orElse(""));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "KeycloakRealmSource[serverUrl=" + serverUrl + ", realm=" + realm + ", authRealm=" + authRealm
                + ", clientId=" + clientId + ", user=" + username.isPresent() + ", secrets=(redacted)]";
    }
}
