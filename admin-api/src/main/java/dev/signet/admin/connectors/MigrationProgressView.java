package dev.signet.admin.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a connector's citizens have moved to Signet.
 *
 * @param linkedIdentities  legacy identities linked to Signet accounts
 * @param passwordsMigrated linked identities whose old password became the account's Signet password
 * @param signIns           successful sign-ins through the connector (audit entries {@code sign_in.old_account})
 * @param legacyUsers       users the old system holds, when the connector can list them and did in time
 * @param stillToCome       of those, users not linked yet
 * @param listing           {@code complete}, {@code not-supported} (the connector cannot list users),
 *                          {@code unavailable} (with {@code reason}), {@code too-many} (more than the configured
 *                          maximum) or {@code timed-out}
 * @param reason            why the listing is unavailable, as the connector words it for operators
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationProgressView(
        String connector,
        @JsonProperty("linked_identities") long linkedIdentities,
        @JsonProperty("passwords_migrated") long passwordsMigrated,
        @JsonProperty("sign_ins") long signIns,
        @JsonProperty("legacy_users") Long legacyUsers,
        @JsonProperty("still_to_come") Long stillToCome,
        String listing,
        String reason) {
}
