package dev.signet.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /accounts/{id}/interventions}.
 *
 * @param type   suspend, block, require-password-reset or lift
 * @param reason why, for the audit log (a ticket number and a few words; no personal data)
 */
public record InterventionRequest(
        @Schema(allowableValues = {"suspend", "block", "require-password-reset", "lift"}, requiredMode =
                Schema.RequiredMode.REQUIRED) String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OperatorReason.MAX_LENGTH,
                example = "SUP-1234 citizen reports a stolen phone") String reason) {
}
