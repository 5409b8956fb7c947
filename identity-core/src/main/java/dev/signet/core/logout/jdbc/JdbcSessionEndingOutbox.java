package dev.signet.core.logout.jdbc;

import dev.signet.core.logout.SessionEnding;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.outbox.OutboxTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link SessionEndingOutbox} on PostgreSQL (table {@code account_session_ending}, migrations V80, V105). */
public final class JdbcSessionEndingOutbox implements SessionEndingOutbox {

    private final JdbcClient jdbc;
    private final OutboxTable table;
    private final Clock clock;

    public JdbcSessionEndingOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.table = OutboxTable.forgettingCompletedRows(dataSource, "account_session_ending", clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(UUID accountId, SessionEndingReason reason) {
        insert(accountId, null, reason);
    }

    @Override
    public void enqueueOne(UUID accountId, String sessionSid, SessionEndingReason reason) {
        insert(accountId, Objects.requireNonNull(sessionSid, "sessionSid"), reason);
    }

    private void insert(UUID accountId, String sessionSid, SessionEndingReason reason) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO account_session_ending (id, account_id, reason, session_sid, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), Objects.requireNonNull(accountId, "accountId"), reason.name(), sessionSid,
                        now, now)
                .update();
    }

    @Override
    public List<SessionEnding> claimDue(int limit, Duration lease) {
        return table.claimDue(limit, lease, "id, account_id, reason, session_sid, attempts, created_at",
                JdbcSessionEndingOutbox::map);
    }

    @Override
    public void completed(UUID id) {
        table.delete(id);
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
    public int pendingFor(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM account_session_ending WHERE account_id = ?")
                .param(accountId).query(Integer.class).single();
    }

    private static SessionEnding map(ResultSet rs, int row) throws SQLException {
        return new SessionEnding(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                SessionEndingReason.valueOf(rs.getString("reason")), Optional.ofNullable(rs.getString("session_sid")),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
