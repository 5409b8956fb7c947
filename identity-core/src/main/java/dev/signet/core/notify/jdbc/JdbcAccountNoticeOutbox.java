package dev.signet.core.notify.jdbc;

import dev.signet.core.notify.AccountNotice;
import dev.signet.core.notify.AccountNoticeKind;
import dev.signet.core.notify.AccountNoticeOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AccountNoticeOutbox} on PostgreSQL (table {@code account_notice}, migration V81). */
public final class JdbcAccountNoticeOutbox implements AccountNoticeOutbox {

    /** Longest error text kept: enough to diagnose. */
    private static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcAccountNoticeOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void enqueue(UUID accountId, AccountNoticeKind kind) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO account_notice (id, account_id, kind, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), Objects.requireNonNull(accountId, "accountId"), kind.name(), now, now)
                .update();
    }

    @Override
    public List<AccountNotice> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE account_notice SET attempts = attempts + 1, next_attempt_at = ?
                WHERE id IN (SELECT id FROM account_notice
                             WHERE status = 'PENDING' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, account_id, kind, attempts""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
                .query((rs, row) -> new AccountNotice(rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class), AccountNoticeKind.valueOf(rs.getString("kind")),
                        rs.getInt("attempts")))
                .list();
    }

    @Override
    public void completed(UUID id) {
        jdbc.sql("DELETE FROM account_notice WHERE id = ?").param(id).update();
    }

    @Override
    public void retryLater(UUID id, Instant retryAt, String error) {
        jdbc.sql("UPDATE account_notice SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(retryAt), truncate(error), id).update();
    }

    @Override
    public void markFailed(UUID id, String error) {
        jdbc.sql("UPDATE account_notice SET status = 'FAILED', last_error = ? WHERE id = ?")
                .params(truncate(error), id).update();
    }

    @Override
    public int pendingFor(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM account_notice WHERE account_id = ?")
                .param(accountId).query(Integer.class).single();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
