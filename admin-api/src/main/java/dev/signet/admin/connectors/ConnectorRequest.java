package dev.signet.admin.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A connector as an operator sends it to create ({@code POST /connectors}) or replace ({@code PUT /connectors/{id}})
 * one. Settings are the type's own (GET /connectors/types describes them), as in the connectors file: nested objects
 * become dotted names ({@code {"columns": {"subject": "id"}}} is {@code columns.subject}). On a replace, a secret
 * setting left out keeps its stored value, so secrets need not be sent again.
 *
 * @param id                the connector's stable identifier (create only; on a replace it may repeat the path's)
 * @param migration         {@code on-sign-in} (default) or {@code dual-running}
 * @param keepCheckingUntil the last day of dual running, as {@code 2027-03-31}; only with {@code dual-running}
 * @param enabled           whether citizens can sign in through it (default true)
 */
public record ConnectorRequest(
        String id,
        String type,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("welsh_display_name") String welshDisplayName,
        String department,
        Map<String, Object> settings,
        String migration,
        @JsonProperty("keep_checking_until") String keepCheckingUntil,
        Boolean enabled) {
}
