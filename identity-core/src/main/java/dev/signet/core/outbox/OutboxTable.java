package dev.signet.core.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements every outbox table shares (the outbox pattern: rows written in the transaction of the change that
 * needs them, carried out later by a worker on any instance). The table has {@code id uuid}, {@code status}
 * ({@code PENDING}, {@code FAILED}, and {@code DELIVERED} where finished rows are kept), {@code attempts},
 * {@code next_attempt_at} and {@code last_error}; what a row carries besides is its owner's business. Claiming uses
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers never get the same row, and leases it: a worker that dies
 * mid-attempt leaves it to be claimed again once the lease runs out.
 *
 * <p>Two kinds of table: one that {@linkplain #keepingFinishedRows keeps finished rows} (delivered or failed, with
 * their {@code finished_at}) for a while as a record, and one that {@linkplain #forgettingCompletedRows forgets a row
 * once it is carried out} and keeps only the failed ones, for an operator to see.
 */
public final class OutboxTable {

    /** Longest error text kept: enough to diagnose, never a response body dump. */
    static final int ERROR_LENGTH = 500;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final String table;
    private final boolean keepsFinishedRows;
    private final Clock clock;

    private OutboxTable(DataSource dataSource, String table, boolean keepsFinishedRows, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
        this.keepsFinishedRows = keepsFinishedRows;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A table whose delivered and failed rows stay, with {@code finished_at}, until {@link #deleteFinishedBefore}:
     * {@link #markDelivered} and {@link #markFailed} record when.
     *
     * @param table the table's name (a constant of the caller's, never input)
     */
    public static OutboxTable keepingFinishedRows(DataSource dataSource, String table, Clock clock) {
        return new OutboxTable(dataSource, table, true, clock);
    }

    /**
     * A table without {@code finished_at}: a row carried out is {@linkplain #delete deleted}; a failed one stays,
     * {@code FAILED}, for an operator to see.
     *
     * @param table the table's name (a constant of the caller's, never input)
     */
    public static OutboxTable forgettingCompletedRows(DataSource dataSource, String table, Clock clock) {
        return new OutboxTable(dataSource, table, false, clock);
    }

    /**
     * Claims up to {@code limit} due rows: each is hidden from other workers for {@code lease} and its attempt count
     * goes up.
     *
     * @param columns the columns to return (including {@code attempts}, the number of this attempt), mapped by
     *     {@code mapper}
     */
    public <T> List<T> claimDue(int limit, Duration lease, String columns, RowMapper<T> mapper) {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE " + table + " SET attempts = attempts + 1, next_attempt_at = ? "
                        + "WHERE id IN (SELECT id FROM " + table + " WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + columns)
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
                .query(mapper)
                .list();
    }

    /** The row was carried out; it stays, {@code DELIVERED}, as a record (a table keeping finished rows). */
    public void markDelivered(UUID id) {
        requireFinishedRowsKept();
        jdbc.sql("UPDATE " + table + " SET status = 'DELIVERED', finished_at = ?, last_error = NULL WHERE id = ?")
                .params(now(), id).update();
    }

    /** The attempt failed; try again at {@code retryAt}. */
    public void retryLater(UUID id, Instant retryAt, String error) {
        jdbc.sql("UPDATE " + table + " SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(retryAt), truncate(error), id).update();
    }

    /** The attempt failed and no more will be made. */
    public void markFailed(UUID id, String error) {
        if (keepsFinishedRows) {
            jdbc.sql("UPDATE " + table + " SET status = 'FAILED', finished_at = ?, last_error = ? WHERE id = ?")
                    .params(now(), truncate(error), id).update();
        } else {
            jdbc.sql("UPDATE " + table + " SET status = 'FAILED', last_error = ? WHERE id = ?")
                    .params(truncate(error), id).update();
        }
    }

    /** The row was carried out and is forgotten (a table forgetting completed rows). */
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM " + table + " WHERE id = ?").param(id).update();
    }

    /** Forgets finished (delivered or failed) rows older than {@code before} (a table keeping finished rows). */
    public int deleteFinishedBefore(Instant before) {
        requireFinishedRowsKept();
        return jdbc.sql("DELETE FROM " + table + " WHERE status <> 'PENDING' AND finished_at < ?")
                .param(Timestamp.from(before)).update();
    }

    private void requireFinishedRowsKept() {
        if (!keepsFinishedRows) {
            throw new IllegalStateException(table + " does not keep finished rows");
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
