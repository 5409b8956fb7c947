package dev.signet.core.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Durable queue of Security Event Token deliveries (the outbox pattern): written in the transaction of the change
 * that causes the event, delivered by a worker on any instance, so a slow or failing relying party never holds up
 * the change and a change that is rolled back tells no one.
 */
public interface SecurityEventOutbox {

    /** Queues one delivery of {@code event} per client, for immediate delivery; joins the caller's transaction. */
    void enqueue(UUID txn, AccountEvent event, Collection<String> clientIds);

    /**
     * Claims up to {@code limit} due deliveries: each is hidden from other workers for {@code lease} and its attempt
     * count goes up. Concurrent callers never get the same delivery.
     */
    List<SecurityEventDelivery> claimDue(int limit, Duration lease);

    void markDelivered(UUID id);

    /** The attempt failed; try again at {@code retryAt}. */
    void retryLater(UUID id, Instant retryAt, String error);

    /** The attempt failed and no more will be made. */
    void markFailed(UUID id, String error);

    /** Forgets finished (delivered or failed) deliveries older than {@code before}. */
    int deleteFinishedBefore(Instant before);
}
