package dev.signet.admin.keycloakimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An import as the API shows it. Counts are per Keycloak user: {@code created} + {@code updated} + {@code unchanged}
 * + {@code rejected} = {@code users_read}; {@code linked} counts legacy identities newly linked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeycloakImportView(
        String id,
        String state,
        @JsonProperty("server_url") String serverUrl,
        String realm,
        String connector,
        List<String> attributes,
        @JsonProperty("started_by") String startedBy,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        @JsonProperty("users_total") Integer usersTotal,
        @JsonProperty("users_read") int usersRead,
        int created,
        int updated,
        int unchanged,
        int rejected,
        int linked,
        String failure,
        @JsonProperty("users_report") String usersReport) {

    static KeycloakImportView of(KeycloakImportRecord record) {
        return new KeycloakImportView(record.id().toString(), record.state().value(), record.serverUrl(),
                record.realm(), record.connectorId(), record.attributes(), record.startedBy(),
                record.startedAt().toString(), record.finishedAt().map(Object::toString).orElse(null),
                record.usersTotal().orElse(null), record.usersRead(), record.created(), record.updated(),
                record.unchanged(), record.rejected(), record.linked(), record.failure().orElse(null),
                "/keycloak-imports/" + record.id() + "/users");
    }
}
