package dev.signet.core.logout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A claimed command to end every session of an account, or one of them.
 *
 * @param id        the command
 * @param accountId the account (it may no longer exist: an erasure asks for this too)
 * @param sessionSid the {@code sid} of the one session to end; empty: every session of the account
 * @param attempt   which attempt this is, from 1
 */
public record SessionEnding(UUID id, UUID accountId, SessionEndingReason reason, Optional<String> sessionSid,
        int attempt, Instant createdAt) {

    public SessionEnding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sessionSid, "sessionSid");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
