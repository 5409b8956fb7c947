package dev.signet.core.notify.jdbc;

import dev.signet.core.notify.AccountNotice;
import dev.signet.core.notify.AccountNoticeKind;
import dev.signet.core.notify.AccountNoticeOutbox;
import dev.signet.core.outbox.OutboxTable;
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

    private final JdbcClient jdbc;
    private final OutboxTable table;
    private final Clock clock;

    public JdbcAccountNoticeOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.table = OutboxTable.forgettingCompletedRows(dataSource, "account_notice", clock);
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
        return table.claimDue(limit, lease, "id, account_id, kind, attempts", (rs, row) -> new AccountNotice(
                rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                AccountNoticeKind.valueOf(rs.getString("kind")), rs.getInt("attempts")));
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
        return jdbc.sql("SELECT count(*) FROM account_notice WHERE account_id = ?")
                .param(accountId).query(Integer.class).single();
    }
}
