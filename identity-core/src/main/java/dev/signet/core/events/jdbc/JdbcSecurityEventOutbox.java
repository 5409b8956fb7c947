package dev.signet.core.events.jdbc;

import dev.signet.core.events.AccountEvent;
import dev.signet.core.events.SecurityEventDelivery;
import dev.signet.core.events.SecurityEventOutbox;
import dev.signet.core.outbox.OutboxTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link SecurityEventOutbox} on PostgreSQL (table {@code security_event_delivery}, migration V88). */
public final class JdbcSecurityEventOutbox implements SecurityEventOutbox {

    private static final String MERGED = "ACCOUNT_MERGED";
    private static final String UNLINKED = "LEGACY_IDENTITY_UNLINKED";

    private final JdbcClient jdbc;
    private final OutboxTable table;
    private final Clock clock;

    public JdbcSecurityEventOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.table = OutboxTable.keepingFinishedRows(dataSource, "security_event_delivery", clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(UUID txn, AccountEvent event, Collection<String> clientIds) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String clientId : clientIds) {
            Object[] row = event instanceof AccountEvent.AccountsMerged merged
                    ? new Object[] {MERGED, merged.fromAccountId(), merged.toAccountId(), null, null}
                    : unlinkedRow((AccountEvent.LegacyIdentityUnlinked) event);
            jdbc.sql("""
                    INSERT INTO security_event_delivery (id, txn, client_id, event_type, account_id, new_account_id,
                        connector_id, legacy_subject, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), txn, clientId, row[0], row[1], row[2], row[3], row[4], now, now)
                    .update();
        }
    }

    private static Object[] unlinkedRow(AccountEvent.LegacyIdentityUnlinked unlinked) {
        return new Object[] {UNLINKED, unlinked.accountId(), null, unlinked.connectorId(), unlinked.legacySubject()};
    }

    @Override
    public List<SecurityEventDelivery> claimDue(int limit, Duration lease) {
        return table.claimDue(limit, lease, "id, txn, client_id, event_type, account_id, new_account_id, "
                + "connector_id, legacy_subject, attempts, created_at", JdbcSecurityEventOutbox::map);
    }

    @Override
    public void markDelivered(UUID id) {
        table.markDelivered(id);
    }

    @Override
    public void retryLater(UUID id, Instant retryAt, String error) {
        table.retryLater(id, retryAt, error);
    }

    @Override
    public void markFailed(UUID id, String error) {
        table.markFailed(id, error);
    }

    @Override
    public int deleteFinishedBefore(Instant before) {
        return table.deleteFinishedBefore(before);
    }

    private static SecurityEventDelivery map(ResultSet rs, int row) throws SQLException {
        UUID accountId = rs.getObject("account_id", UUID.class);
        AccountEvent event = MERGED.equals(rs.getString("event_type"))
                ? new AccountEvent.AccountsMerged(accountId, rs.getObject("new_account_id", UUID.class))
                : new AccountEvent.LegacyIdentityUnlinked(accountId, rs.getString("connector_id"),
                        rs.getString("legacy_subject"));
        return new SecurityEventDelivery(rs.getObject("id", UUID.class), rs.getObject("txn", UUID.class),
                rs.getString("client_id"), event, rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant());
    }
}
