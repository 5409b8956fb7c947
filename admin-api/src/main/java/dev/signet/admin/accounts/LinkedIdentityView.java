package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.merge.MovedIdentity;

/**
 * A legacy identity linked to an account: the connector (as identity-server's connectors file names it), the legacy
 * system's identifier for the person, when and how it was linked ({@code new_account}, {@code signet_password},
 * {@code email_code}, {@code signed_in}, {@code operator}). Absent times: an identity as a merge recorded it.
 */
public record LinkedIdentityView(
        @JsonProperty("connector_id") String connectorId,
        @JsonProperty("legacy_subject") String legacySubject,
        @JsonProperty("linked_at") String linkedAt,
        @JsonProperty("linked_by") String linkedBy) {

    static LinkedIdentityView of(LinkedIdentity link) {
        return new LinkedIdentityView(link.connectorId(), link.legacySubject(), link.linkedAt().toString(),
                link.linkedBy());
    }

    static LinkedIdentityView of(MovedIdentity moved) {
        return new LinkedIdentityView(moved.connectorId(), moved.legacySubject(), null, null);
    }
}
