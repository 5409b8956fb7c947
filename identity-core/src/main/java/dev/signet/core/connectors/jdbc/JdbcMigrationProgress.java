package dev.signet.core.connectors.jdbc;

import dev.signet.core.audit.AuditEventType;
import java.util.Collection;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far a connector's citizens have moved to Signet, counted in PostgreSQL: linked identities (table
 * {@code linked_legacy_identity}), passwords carried over from the old system (links holding a password
 * fingerprint), and successful sign-ins through the connector (audit entries of type {@code sign_in.old_account}).
 */
public final class JdbcMigrationProgress {

    private final JdbcClient jdbc;

    public JdbcMigrationProgress(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** The counts for connector {@code connectorId}. */
    public Counts counts(String connectorId) {
        return jdbc.sql("SELECT count(*) AS linked, count(password_fingerprint) AS passwords, "
                        + "(SELECT count(*) FROM audit_entry WHERE details ->> 'connector' = ? "
                        + "AND event_type = ?) AS sign_ins "
                        + "FROM linked_legacy_identity WHERE connector_id = ?")
                .params(connectorId, AuditEventType.OLD_ACCOUNT_SIGN_IN.value(), connectorId)
                .query((rs, row) -> new Counts(rs.getLong("linked"), rs.getLong("passwords"), rs.getLong("sign_ins")))
                .single();
    }

    /** How many of {@code legacySubjects} (one page of the old system's users) are not linked to any account yet. */
    public long unlinkedAmong(String connectorId, Collection<String> legacySubjects) {
        if (legacySubjects.isEmpty()) {
            return 0;
        }
        long linked = jdbc.sql("SELECT count(*) FROM linked_legacy_identity WHERE connector_id = ? "
                        + "AND legacy_subject = ANY (?)")
                .params(connectorId, legacySubjects.toArray(String[]::new)).query(Long.class).single();
        return legacySubjects.size() - linked;
    }

    /**
     * @param linkedIdentities  legacy identities of the connector linked to Signet accounts
     * @param passwordsMigrated linked identities whose legacy password became the account's Signet password
     * @param signIns           successful sign-ins through the connector
     */
    public record Counts(long linkedIdentities, long passwordsMigrated, long signIns) {
    }
}
