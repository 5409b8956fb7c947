package dev.signet.core.logout.jdbc;

import dev.signet.core.logout.SessionEnding;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
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

    /** Longest error text kept: enough to diagnose. */
    private static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcSessionEndingOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
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
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE account_session_ending SET attempts = attempts + 1, next_attempt_at = ?
                WHERE id IN (SELECT id FROM account_session_ending
                             WHERE status = 'PENDING' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, account_id, reason, session_sid, attempts, created_at""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
                .query(JdbcSessionEndingOutbox::map)
                .list();
    }

    @Override
    public void completed(UUID id) {
        jdbc.sql("DELETE FROM account_session_ending WHERE id = ?").param(id).update();
    }

    @Override
    public void retryLater(UUID id, Instant retryAt, String error) {
        jdbc.sql("UPDATE account_session_ending SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(retryAt), truncate(error), id).update();
    }

    @Override
    public void markFailed(UUID id, String error) {
        jdbc.sql("UPDATE account_session_ending SET status = 'FAILED', last_error = ? WHERE id = ?")
                .params(truncate(error), id).update();
    }

    @Override
    public int pendingFor(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM account_session_ending WHERE account_id = ?")
                .param(accountId).query(Integer.class).single();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

    private static SessionEnding map(ResultSet rs, int row) throws SQLException {
        return new SessionEnding(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                SessionEndingReason.valueOf(rs.getString("reason")), Optional.ofNullable(rs.getString("session_sid")),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
