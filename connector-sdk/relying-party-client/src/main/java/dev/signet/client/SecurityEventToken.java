package dev.signet.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated Security Event Token (RFC 8417), as pushed to a service's events endpoint (RFC 8935).
 *
 * @param issuer {@code iss}
 * @param id {@code jti}, unique per token; already recorded in the replay cache
 * @param issuedAt {@code iat}
 * @param subject {@code sub} of the token itself, when present (events usually name their subjects themselves)
 * @param events the events, at least one
 */
public record SecurityEventToken(String issuer, String id, Instant issuedAt, Optional<String> subject,
        List<SecurityEvent> events) {

    public SecurityEventToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(subject, "subject");
        events = List.copyOf(events);
    }
}
