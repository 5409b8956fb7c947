package dev.signet.core.logout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable queue of back-channel logout deliveries (the outbox pattern): sign-out writes notices in its own request,
 * a worker on any instance delivers them later, so a slow or failing relying party never delays the citizen.
 */
public interface LogoutOutbox {

    /** Queues notices for immediate delivery. */
    void enqueue(List<LogoutNotice> notices);

    /**
     * Claims up to {@code limit} due deliveries for this worker: each is hidden from other workers for {@code lease}
     * (longer than one delivery attempt takes) and its attempt count goes up. Concurrent callers never get the same
     * delivery.
     */
    List<LogoutDelivery> claimDue(int limit, Duration lease);

    void markDelivered(UUID id);

    /** The attempt failed; try again at {@code retryAt}. */
    void retryLater(UUID id, Instant retryAt, String error);

    /** The attempt failed and no more will be made. */
    void markFailed(UUID id, String error);

    /** Forgets finished (delivered or failed) deliveries older than {@code before}. */
    int deleteFinishedBefore(Instant before);
}
