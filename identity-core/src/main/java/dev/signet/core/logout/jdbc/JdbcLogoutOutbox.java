package dev.signet.core.logout.jdbc;

import dev.signet.core.logout.LogoutDelivery;
import dev.signet.core.logout.LogoutNotice;
import dev.signet.core.logout.LogoutOutbox;
import java.net.URI;
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

/** {@link LogoutOutbox} on PostgreSQL (table {@code backchannel_logout_delivery}, migration V51). */
public final class JdbcLogoutOutbox implements LogoutOutbox {

    /** Longest error text kept: enough to diagnose, never a response body dump. */
    private static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcLogoutOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(List<LogoutNotice> notices) {
        Timestamp now = now();
        for (LogoutNotice notice : notices) {
            jdbc.sql("""
                    INSERT INTO backchannel_logout_delivery
                        (id, client_id, logout_uri, subject, session_id, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), notice.clientId(), notice.logoutUri().toString(), notice.subject(),
                            notice.sessionId().orElse(null), now, now)
                    .update();
        }
    }

    @Override
    public List<LogoutDelivery> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE backchannel_logout_delivery SET attempts = attempts + 1, next_attempt_at = ?
                WHERE id IN (SELECT id FROM backchannel_logout_delivery
                             WHERE status = 'PENDING' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, client_id, logout_uri, subject, session_id, attempts, created_at""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
                .query(JdbcLogoutOutbox::map)
                .list();
    }

    @Override
    public void markDelivered(UUID id) {
        jdbc.sql("""
                UPDATE backchannel_logout_delivery SET status = 'DELIVERED', finished_at = ?, last_error = NULL
                WHERE id = ?""").params(now(), id).update();
    }

    @Override
    public void retryLater(UUID id, Instant retryAt, String error) {
        jdbc.sql("UPDATE backchannel_logout_delivery SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(retryAt), truncate(error), id).update();
    }

    @Override
    public void markFailed(UUID id, String error) {
        jdbc.sql("""
                UPDATE backchannel_logout_delivery SET status = 'FAILED', finished_at = ?, last_error = ?
                WHERE id = ?""").params(now(), truncate(error), id).update();
    }

    @Override
    public int deleteFinishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM backchannel_logout_delivery WHERE status <> 'PENDING' AND finished_at < ?")
                .param(Timestamp.from(before)).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

    private static LogoutDelivery map(ResultSet rs, int row) throws SQLException {
        LogoutNotice notice = new LogoutNotice(rs.getString("client_id"), URI.create(rs.getString("logout_uri")),
                rs.getString("subject"), Optional.ofNullable(rs.getString("session_id")));
        return new LogoutDelivery(rs.getObject("id", UUID.class), notice, rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
