package dev.signet.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /accounts/{id}/erasure}.
 *
 * @param reason why, for the audit log (a ticket number and a few words; no personal data)
 */
public record ErasureRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OperatorReason.MAX_LENGTH,
                example = "DPO-77 erasure request under UK GDPR article 17") String reason) {
}
