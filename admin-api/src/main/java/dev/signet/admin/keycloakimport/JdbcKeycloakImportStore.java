package dev.signet.admin.keycloakimport;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/** The imports and their per-user reports, in tables {@code keycloak_import} and {@code keycloak_import_user}. */
@Repository
class JdbcKeycloakImportStore {

    /**
     * A running import that has not written a page for this long lost its admin-api instance (a page is a few seconds
     * of work): it is marked failed, and may be started again.
     */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    static final String INTERRUPTED = "The admin-api instance running this import stopped before it finished. Start "
            + "the import again: users already imported come back unchanged.";

    private static final String COLUMNS = """
            id, started_by, server_url, realm, connector_id, attributes, state, users_total, users_read, created,
            updated, unchanged, rejected, linked, failure, started_at, heartbeat_at, finished_at""";

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    JdbcKeycloakImportStore(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    void create(UUID id, String startedBy, KeycloakImportPlan plan, int usersTotal, Instant now) {
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO keycloak_import (id, started_by, server_url, realm, connector_id, attributes, state,
                                                 users_total, started_at, heartbeat_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)""");
            insert.setObject(1, id);
            insert.setString(2, startedBy);
            insert.setString(3, plan.source().serverUrl().toString());
            insert.setString(4, plan.source().realm());
            insert.setString(5, plan.connectorId());
            insert.setArray(6, connection.createArrayOf("text", plan.attributes().toArray()));
            insert.setInt(7, usersTotal);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setTimestamp(9, Timestamp.from(now));
            return insert;
        });
    }

    /** Marks failed every running import whose instance has stopped (see {@link #STALE_AFTER}). */
    void failStale(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                UPDATE keycloak_import SET state = 'failed', failure = ?, finished_at = ?
                 WHERE state = 'running' AND heartbeat_at < ?""", INTERRUPTED, at,
                Timestamp.from(now.minus(STALE_AFTER)));
    }

    /** Whether an import into this connector's identities is running (one at a time per connector). */
    boolean runningFor(String connectorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM keycloak_import WHERE connector_id = ? AND state = 'running')",
                Boolean.class, connectorId));
    }

    /** Adds one page's report lines and counts, in one transaction. */
    void progressed(UUID id, int firstPosition, List<KeycloakUserOutcome> lines, int linked, Instant now) {
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    INSERT INTO keycloak_import_user (import_id, position, keycloak_id, username, outcome, account_id,
                                                      linked, federated_identities, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement insert, int i) throws SQLException {
                    KeycloakUserOutcome line = lines.get(i);
                    insert.setObject(1, id);
                    insert.setInt(2, firstPosition + i);
                    insert.setString(3, line.keycloakId());
                    insert.setString(4, line.username());
                    insert.setString(5, line.outcome());
                    insert.setObject(6, line.accountId().orElse(null));
                    insert.setBoolean(7, line.linked());
                    insert.setInt(8, line.federatedIdentities());
                    insert.setString(9, line.reason().orElse(null));
                }

                @Override
                public int getBatchSize() {
                    return lines.size();
                }
            });
            jdbc.update("""
                    UPDATE keycloak_import SET users_read = users_read + ?, created = created + ?,
                           updated = updated + ?, unchanged = unchanged + ?, rejected = rejected + ?,
                           linked = linked + ?, heartbeat_at = ?
                     WHERE id = ?""", lines.size(), count(lines, KeycloakUserOutcome.CREATED),
                    count(lines, KeycloakUserOutcome.UPDATED), count(lines, KeycloakUserOutcome.UNCHANGED),
                    count(lines, KeycloakUserOutcome.REJECTED), linked, Timestamp.from(now), id);
        });
    }

    void finished(UUID id, KeycloakImportState state, Optional<String> failure, Instant now) {
        jdbc.update("UPDATE keycloak_import SET state = ?, failure = ?, finished_at = ?, heartbeat_at = ? "
                + "WHERE id = ?", state.value(), failure.orElse(null), Timestamp.from(now), Timestamp.from(now), id);
    }

    Optional<KeycloakImportRecord> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM keycloak_import WHERE id = ?", JdbcKeycloakImportStore::record,
                id).stream().findFirst();
    }

    /** A page of the per-user report, in the order the users were read, after {@code afterPosition}. */
    List<ReportLine> users(UUID id, int afterPosition, int limit) {
        return jdbc.query("""
                SELECT position, keycloak_id, username, outcome, account_id, linked, federated_identities, reason
                  FROM keycloak_import_user WHERE import_id = ? AND position > ? ORDER BY position LIMIT ?""",
                (row, n) -> new ReportLine(row.getInt(1), new KeycloakUserOutcome(row.getString(2), row.getString(3),
                        row.getString(4), Optional.ofNullable(row.getObject(5, UUID.class)), row.getBoolean(6),
                        row.getInt(7), Optional.ofNullable(row.getString(8)))),
                id, afterPosition, limit);
    }

    /** A report line with its position. */
    record ReportLine(int position, KeycloakUserOutcome user) {
    }

    private static int count(List<KeycloakUserOutcome> lines, String outcome) {
        return (int) lines.stream().filter(line -> line.outcome().equals(outcome)).count();
    }

    private static KeycloakImportRecord record(ResultSet row, int n) throws SQLException {
        Array attributes = row.getArray(6);
        Timestamp finished = row.getTimestamp(18);
        int total = row.getInt(8);
        Optional<Integer> usersTotal = row.wasNull() ? Optional.empty() : Optional.of(total);
        return new KeycloakImportRecord(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), Arrays.asList((String[]) attributes.getArray()),
                KeycloakImportState.fromValue(row.getString(7)), usersTotal, row.getInt(9), row.getInt(10),
                row.getInt(11), row.getInt(12), row.getInt(13), row.getInt(14), Optional.ofNullable(row.getString(15)),
                row.getTimestamp(16).toInstant(), row.getTimestamp(17).toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant));
    }
}
