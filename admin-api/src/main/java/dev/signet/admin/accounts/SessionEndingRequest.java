package dev.signet.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /accounts/{id}/sessions/{sid}/end}.
 *
 * @param reason why, for the audit log (a ticket number and a few words; no personal data)
 */
public record SessionEndingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OperatorReason.MAX_LENGTH,
                example = "SUP-1234 citizen left themselves signed in on a library computer") String reason) {
}
