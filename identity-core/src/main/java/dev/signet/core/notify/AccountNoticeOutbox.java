package dev.signet.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable queue of messages to citizens about what an operator did to their account (the outbox pattern). The admin
 * API has neither the message texts nor the email settings: it queues a notice in the same transaction as the change,
 * and identity-server's worker on any instance sends it to the account's address at sending time. A notice is
 * dropped with its account.
 */
public interface AccountNoticeOutbox {

    /** Queues a notice for immediate sending; joins the caller's transaction when there is one. */
    void enqueue(UUID accountId, AccountNoticeKind kind);

    /**
     * Claims up to {@code limit} due notices: each is hidden from other workers for {@code lease} and its attempt
     * count goes up. Concurrent callers never get the same notice.
     */
    List<AccountNotice> claimDue(int limit, Duration lease);

    /** The notice was sent (or has no one left to go to): it is forgotten. */
    void completed(UUID id);

    /** The attempt failed; try again at {@code retryAt}. */
    void retryLater(UUID id, Instant retryAt, String error);

    /** The attempt failed and no more will be made (the row stays, FAILED). */
    void markFailed(UUID id, String error);

    /** Notices not sent yet to the account (pending or failed). */
    int pendingFor(UUID accountId);
}
