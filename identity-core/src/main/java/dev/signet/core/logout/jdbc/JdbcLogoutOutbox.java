package dev.signet.core.logout.jdbc;

import dev.signet.core.logout.LogoutDelivery;
import dev.signet.core.logout.LogoutNotice;
import dev.signet.core.logout.LogoutOutbox;
import dev.signet.core.outbox.OutboxTable;
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

    private final JdbcClient jdbc;
    private final OutboxTable table;
    private final Clock clock;

    public JdbcLogoutOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.table = OutboxTable.keepingFinishedRows(dataSource, "backchannel_logout_delivery", clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(List<LogoutNotice> notices) {
        Timestamp now = Timestamp.from(clock.instant());
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
        return table.claimDue(limit, lease, "id, client_id, logout_uri, subject, session_id, attempts, created_at",
                JdbcLogoutOutbox::map);
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

    private static LogoutDelivery map(ResultSet rs, int row) throws SQLException {
        LogoutNotice notice = new LogoutNotice(rs.getString("client_id"), URI.create(rs.getString("logout_uri")),
                rs.getString("subject"), Optional.ofNullable(rs.getString("session_id")));
        return new LogoutDelivery(rs.getObject("id", UUID.class), notice, rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
