package dev.signet.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Signet's token endpoint issued. Keep the refresh token (if any) server-side; it is a credential.
 *
 * @param accessToken the access token, for userinfo and the service's own APIs
 * @param expiresAt when the access token expires, as Signet said ({@code expires_in}), when it said
 * @param refreshToken a refresh token, when the client may refresh; it changes on every refresh (rotation)
 * @param idToken the validated ID token; always present after a sign-in, and after a refresh when Signet sends one
 * @param scope the scopes granted
 */
public record Tokens(String accessToken, Optional<Instant> expiresAt, Optional<String> refreshToken,
        Optional<IdToken> idToken, Set<String> scope) {

    public Tokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
        scope = Set.copyOf(scope);
    }

    /** Does not show the token values. */
    @Override
    public String toString() {
        return "Tokens[expiresAt=" + expiresAt.map(Instant::toString).orElse("-") + ", refreshToken="
                + (refreshToken.isPresent() ? "present" : "none") + ", idToken=" + idToken.map(IdToken::toString)
                .orElse("none") + ", scope=" + scope + "]";
    }
}
