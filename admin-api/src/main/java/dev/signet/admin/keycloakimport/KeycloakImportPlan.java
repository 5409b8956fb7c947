package dev.signet.admin.keycloakimport;

import java.util.List;
import java.util.Objects;

/**
 * A validated import: where from, into which connector's legacy identities, keeping which attributes, how many users
 * at a time.
 */
record KeycloakImportPlan(KeycloakRealmSource source, String connectorId, List<String> attributes, int pageSize) {

    KeycloakImportPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(connectorId, "connectorId");
        attributes = List.copyOf(attributes);
    }
}
