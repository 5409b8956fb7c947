package dev.signet.admin.keycloakimport;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads back what the bulk import's writer did with a page of Keycloak users, for the per-user report: the account
 * each Keycloak id was imported into (its import record's {@code source_user_id}), whether that account was created,
 * updated or left unchanged by this page (from the times the writer stamps), and whether the Keycloak id is linked to
 * it as a legacy identity of the connector.
 */
@Repository
class JdbcImportedAccounts {

    private static final String FIND = """
            SELECT s.source_user_id, s.account_id, a.created_at, s.last_imported_at,
                   EXISTS (SELECT 1 FROM linked_legacy_identity l
                            WHERE l.connector_id = ? AND l.legacy_subject = s.source_user_id
                              AND l.account_id = s.account_id)
              FROM account_import_source s JOIN account a ON a.id = s.account_id
             WHERE s.source_user_id = ANY (?)""";

    private final JdbcTemplate jdbc;

    JdbcImportedAccounts(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** A Keycloak user's account after the page, and what the page did to it. */
    record Imported(UUID accountId, String outcome, boolean linked) {
    }

    /**
     * @param since when the page's write began, to the microsecond (what PostgreSQL keeps): an account created at or
     *              after it was created by the page; an import record written at or after it was updated by it
     */
    Map<String, Imported> find(String connectorId, List<String> keycloakIds, Instant since) {
        Map<String, Imported> found = new HashMap<>();
        jdbc.query(connection -> {
            var query = connection.prepareStatement(FIND);
            query.setString(1, connectorId);
            query.setArray(2, connection.createArrayOf("text", keycloakIds.toArray()));
            return query;
        }, row -> {
            Instant created = row.getTimestamp(3).toInstant();
            Instant written = row.getTimestamp(4).toInstant();
            String outcome = !created.isBefore(since) ? KeycloakUserOutcome.CREATED
                    : !written.isBefore(since) ? KeycloakUserOutcome.UPDATED : KeycloakUserOutcome.UNCHANGED;
            found.put(row.getString(1), new Imported(row.getObject(2, UUID.class), outcome, row.getBoolean(5)));
        });
        return found;
    }
}
