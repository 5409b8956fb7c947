package dev.signet.admin.keycloakimport;

import java.util.Optional;
import java.util.UUID;

/**
 * What the import did with one Keycloak user: one line of the per-user report.
 *
 * @param keycloakId          the Keycloak user id
 * @param username            the username in the realm
 * @param outcome             {@code created}, {@code updated}, {@code unchanged} or {@code rejected}
 * @param accountId           the Signet account, unless rejected
 * @param linked              whether the Keycloak id is now linked to that account (connector, Keycloak id)
 * @param federatedIdentities how many identity-provider links the user has at Keycloak
 * @param reason              why a user was rejected
 */
record KeycloakUserOutcome(String keycloakId, String username, String outcome, Optional<UUID> accountId,
        boolean linked, int federatedIdentities, Optional<String> reason) {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";
}
