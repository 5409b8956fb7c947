package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An erasure's answer: when the account was erased, and its data as it was just before.
 *
 * @param sessionsEnding always true: identity-server ends the erased account's sessions at relying parties and in
 *                       Signet within seconds (its tokens already stop working: the account is gone)
 */
public record ErasureResult(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("erased_at") String erasedAt,
        @JsonProperty("sessions_ending") boolean sessionsEnding,
        AccountExport export) {
}
