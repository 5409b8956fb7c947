package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a second-factor reset removed.
 *
 * @param secondFactorsRemoved  text-message, authenticator-app and email factors removed
 * @param recoveryCodesRemoved  unused recovery codes removed (all codes go)
 * @param passkeysRemoved       passkeys removed (only when asked with {@code passkeys=true})
 * @param citizenNotified       an email telling the citizen was queued (identity-server sends it within seconds)
 * @param account               the account now (its {@code updated_at} is the new ETag's version)
 */
public record SecondFactorResetResult(
        @JsonProperty("second_factors_removed") int secondFactorsRemoved,
        @JsonProperty("recovery_codes_removed") int recoveryCodesRemoved,
        @JsonProperty("passkeys_removed") int passkeysRemoved,
        @JsonProperty("citizen_notified") boolean citizenNotified,
        AccountSummary account) {
}
