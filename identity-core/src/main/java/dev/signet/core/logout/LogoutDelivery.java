package dev.signet.core.logout;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed delivery of a {@link LogoutNotice}.
 *
 * @param id       the delivery, also the logout token's {@code jti} (the same on every attempt)
 * @param attempt  which attempt this is, from 1
 */
public record LogoutDelivery(UUID id, LogoutNotice notice, int attempt, Instant createdAt) {
}
