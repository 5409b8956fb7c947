package dev.signet.core.logout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable queue of "end every session of this account" commands (the outbox pattern). The admin API, which knows
 * nothing of identity-server's sessions and tokens, writes a command in the same transaction as the change that
 * needs it (an intervention, an erasure); identity-server's worker on any instance carries it out: back-channel
 * logout to relying parties, token families revoked, Signet sessions deleted. The account's new status is enforced
 * at once without it (sign-in, refresh and every session request read it from PostgreSQL); the command ends what
 * already exists.
 */
public interface SessionEndingOutbox {

    /** Queues the command for immediate processing; joins the caller's transaction when there is one. */
    void enqueue(UUID accountId, SessionEndingReason reason);

    /**
     * Queues a command to end one session of the account, named by its {@code sid}, for immediate processing; joins
     * the caller's transaction when there is one. A session already gone by then is simply not there to end.
     */
    void enqueueOne(UUID accountId, String sessionSid, SessionEndingReason reason);

    /**
     * Claims up to {@code limit} due commands: each is hidden from other workers for {@code lease} and its attempt
     * count goes up. Concurrent callers never get the same command.
     */
    List<SessionEnding> claimDue(int limit, Duration lease);

    /** The command was carried out: it is forgotten. */
    void completed(UUID id);

    /** The attempt failed; try again at {@code retryAt}. */
    void retryLater(UUID id, Instant retryAt, String error);

    /** The attempt failed and no more will be made (the row stays, FAILED, for an operator to see). */
    void markFailed(UUID id, String error);

    /** Commands not carried out yet for the account (pending or failed). */
    int pendingFor(UUID accountId);
}
