package dev.signet.admin.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /accounts/{id}/merge/undo}: why, for the audit log. */
public record UndoRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OperatorReason.MAX_LENGTH,
                example = "SUP-43 merged in error: two different people") String reason) {
}
