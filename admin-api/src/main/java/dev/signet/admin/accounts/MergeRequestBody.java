package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * The body of {@code POST /accounts/{id}/merge}.
 *
 * @param into       the account to merge this one into (the target)
 * @param targetEtag the target's ETag as read (from the preview or {@code GET /accounts/{into}})
 * @param reason     why, for the audit log
 */
public record MergeRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID into,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "\"lx3k9a2b1\"")
        @JsonProperty("target_etag") String targetEtag,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OperatorReason.MAX_LENGTH,
                example = "SUP-42 same person, identity checked by phone") String reason) {
}
