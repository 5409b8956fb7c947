package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to ending one session: which one, and that identity-server's worker will end it (it ends the session in
 * Redis, revokes the token families issued in it and tells its relying parties by back-channel logout).
 */
public record SessionEndingResult(@JsonProperty("account_id") String accountId, String sid,
        @JsonProperty("ending_queued") boolean endingQueued) {
}
