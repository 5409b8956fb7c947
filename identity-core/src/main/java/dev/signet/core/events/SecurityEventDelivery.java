package dev.signet.core.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A claimed delivery of one event to one relying party.
 *
 * @param id        the delivery, also the token's {@code jti} (the same on every attempt)
 * @param txn       the same for every relying party told of one change (the token's {@code txn}, RFC 8417 §2.2)
 * @param clientId  the relying party
 * @param attempt   which attempt this is, from 1
 * @param createdAt when the change happened (the token's {@code toe})
 */
public record SecurityEventDelivery(UUID id, UUID txn, String clientId, AccountEvent event, int attempt,
        Instant createdAt) {

    public SecurityEventDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(txn, "txn");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
