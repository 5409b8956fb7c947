package dev.signet.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated back-channel logout token (OpenID Connect Back-Channel Logout 1.0): the citizen's Signet session has
 * ended, so end your own session(s) for them. Signet always sends both {@code sub} and {@code sid}: end the sessions
 * whose ID token had this {@code sid}, or, when only {@code sub} is present, every session of that subject.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}: the citizen as your service knows them
 * @param sessionId {@code sid}: the Signet session that ended, as in the ID token's {@code sid}
 * @param id {@code jti}
 * @param issuedAt {@code iat}
 */
public record LogoutToken(String issuer, Optional<String> subject, Optional<String> sessionId, String id,
        Instant issuedAt) {

    public LogoutToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
