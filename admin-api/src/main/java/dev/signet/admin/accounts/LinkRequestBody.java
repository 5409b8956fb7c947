package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /accounts/{id}/linked-identities}.
 *
 * @param connectorId   the connector's id as identity-server's connectors file names it
 * @param legacySubject the legacy system's stable identifier for the person
 * @param reason        why, and on what evidence, for the audit log
 */
public record LinkRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "vehicle-tax")
        @JsonProperty("connector_id") String connectorId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VT-100234")
        @JsonProperty("legacy_subject") String legacySubject,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = OperatorReason.MAX_LENGTH,
                example = "SUP-44 letter from DVLA confirms customer number") String reason) {
}
