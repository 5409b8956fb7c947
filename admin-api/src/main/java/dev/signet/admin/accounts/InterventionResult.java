package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an intervention did.
 *
 * @param intervention    the intervention applied
 * @param previousStatus  the account's status before
 * @param account         the account now (its {@code updated_at} is the new ETag's version)
 * @param sessionsEnding  whether the account's sessions are being ended: relying parties told by back-channel
 *                        logout, tokens revoked, Signet sessions deleted (by identity-server, within seconds). The new
 *                        status is enforced at sign-in, refresh and on every session request at once.
 */
public record InterventionResult(
        String intervention,
        @JsonProperty("previous_status") String previousStatus,
        AccountSummary account,
        @JsonProperty("sessions_ending") boolean sessionsEnding) {
}
