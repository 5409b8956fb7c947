package dev.signet.admin.keycloakimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of an import's per-user report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeycloakImportUserView(
        @JsonProperty("keycloak_id") String keycloakId,
        String username,
        String outcome,
        @JsonProperty("account_id") String accountId,
        boolean linked,
        @JsonProperty("federated_identities") int federatedIdentities,
        String reason) {

    static KeycloakImportUserView of(KeycloakUserOutcome line) {
        return new KeycloakImportUserView(line.keycloakId(), line.username(), line.outcome(),
                line.accountId().map(Object::toString).orElse(null), line.linked(), line.federatedIdentities(),
                line.reason().orElse(null));
    }
}
