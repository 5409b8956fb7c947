package dev.signet.admin.imports;

import dev.signet.bulkimport.BulkImportJob;
import dev.signet.bulkimport.RejectedRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import jobs, their uploaded files and their reports in PostgreSQL (migration V100). Joins a transaction already open
 * on the data source, so an upload, its job row and its audit entry commit together.
 *
 * <p>Guarded writes: progress and the end of a job are written only by the instance that claimed it ({@code runner})
 * and only while it is still {@code running}, so a job another instance has meanwhile marked failed stays failed.
 */
public class JdbcImportJobStore {

    private static final String COLUMNS = "id, position, started_by, file_sha256, file_bytes, connector_id, "
            + "batch_size, state, created, updated, unchanged, rejected, linked, failure, created_at, started_at, "
            + "finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public JdbcImportJobStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
    }

    /**
     * A new queued job whose file is still to come ({@link #appendChunk}, {@link #fileStored}); call in the upload's
     * transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the operator used the idempotency key before
     */
    public void insert(UUID id, String startedBy, String idempotencyKey, Optional<String> connectorId, int batchSize,
            Instant now) {
        jdbc.sql("""
                INSERT INTO import_job (id, started_by, idempotency_key, file_sha256, file_bytes, connector_id,
                                        batch_size, state, created_at)
                VALUES (?, ?, ?, '\\x', 0, ?, ?, 'queued', ?)""")
                .params(id, startedBy, idempotencyKey, connectorId.orElse(null), batchSize, Timestamp.from(now))
                .update();
    }

    public void appendChunk(UUID id, int sequence, byte[] data) {
        jdbc.sql("INSERT INTO import_job_chunk (job_id, sequence, data) VALUES (?, ?, ?)")
                .params(id, sequence, data).update();
    }

    public void fileStored(UUID id, byte[] sha256, long bytes) {
        jdbc.sql("UPDATE import_job SET file_sha256 = ?, file_bytes = ? WHERE id = ?").params(sha256, bytes, id)
                .update();
    }

    public Optional<ImportJob> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = ?").param(id)
                .query(JdbcImportJobStore::map).optional();
    }

    public Optional<ImportJob> findByIdempotencyKey(String startedBy, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE started_by = ? AND idempotency_key = ?")
                .params(startedBy, idempotencyKey).query(JdbcImportJobStore::map).optional();
    }

    /** Newest first; {@code before} is the position the previous page ended at. */
    public List<ImportJob> list(Optional<Long> before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE position < ? ORDER BY position DESC LIMIT ?")
                .params(before.orElse(Long.MAX_VALUE), limit).query(JdbcImportJobStore::map).list();
    }

    /** Claims the oldest queued job for {@code runner}; several instances never claim the same one. */
    public Optional<ImportJob> claimNext(String runner, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                UPDATE import_job SET state = 'running', runner = ?, heartbeat_at = ?, started_at = ?
                 WHERE id = (SELECT id FROM import_job WHERE state = 'queued' ORDER BY position
                              LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS).params(runner, at, at).query(JdbcImportJobStore::map).optional();
    }

    /** One chunk of the job's file, in order from 0; empty past the last one. */
    public Optional<byte[]> readChunk(UUID id, int sequence) {
        return jdbc.sql("SELECT data FROM import_job_chunk WHERE job_id = ? AND sequence = ?").params(id, sequence)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** Stores rejected rows for the report. */
    public void addRejections(UUID id, List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO import_job_rejection (job_id, file_row, user_id, reason) VALUES (?, ?, ?, ?)",
                rows, rows.size(), (statement, row) -> {
                    statement.setObject(1, id);
                    statement.setInt(2, row.row());
                    statement.setString(3, row.userId().orElse(null));
                    statement.setString(4, row.reason());
                });
    }

    /** The counts so far, and a heartbeat; false when the job is no longer this runner's to write. */
    public boolean recordProgress(UUID id, String runner, BulkImportJob.Summary counts, Instant now) {
        return jdbc.sql("""
                UPDATE import_job SET rows_read = ?, created = ?, updated = ?, unchanged = ?, rejected = ?,
                                      linked = ?, heartbeat_at = ?
                 WHERE id = ? AND runner = ? AND state = 'running'""")
                .params(counts.total(), counts.created(), counts.updated(), counts.unchanged(), counts.rejected(),
                        counts.linked(), Timestamp.from(now), id, runner).update() == 1;
    }

    /**
     * Ends the job with its final counts and deletes its file (it holds password hashes; the report stays); false
     * when the job was no longer this runner's to end.
     */
    public boolean finish(UUID id, String runner, ImportJobState state, BulkImportJob.Summary counts,
            Optional<String> failure, Instant now) {
        boolean ended = jdbc.sql("""
                UPDATE import_job SET state = ?, rows_read = ?, created = ?, updated = ?, unchanged = ?, rejected = ?,
                                      linked = ?, failure = ?, finished_at = ?, heartbeat_at = ?
                 WHERE id = ? AND runner = ? AND state = 'running'""")
                .params(state.value(), counts.total(), counts.created(), counts.updated(), counts.unchanged(),
                        counts.rejected(), counts.linked(), failure.orElse(null), Timestamp.from(now),
                        Timestamp.from(now), id, runner).update() == 1;
        deleteFile(id);
        return ended;
    }

    /**
     * Marks failed every running job whose runner has shown no sign of life since {@code staleBefore} (its instance
     * stopped or lost the database), and deletes their files; returns them.
     */
    public List<ImportJob> failAbandoned(Instant staleBefore, String failure, Instant now) {
        List<ImportJob> failed = jdbc.sql("""
                UPDATE import_job SET state = 'failed', failure = ?, finished_at = ?
                 WHERE state = 'running' AND heartbeat_at < ?
                RETURNING\s""" + COLUMNS).params(failure, Timestamp.from(now), Timestamp.from(staleBefore))
                .query(JdbcImportJobStore::map).list();
        failed.forEach(job -> deleteFile(job.id()));
        return failed;
    }

    /** Rejected rows after {@code afterRow}, in file order: the report, a page at a time. */
    public List<RejectedRow> rejections(UUID id, int afterRow, int limit) {
        return jdbc.sql("SELECT file_row, user_id, reason FROM import_job_rejection WHERE job_id = ? AND file_row > ?"
                        + " ORDER BY file_row LIMIT ?")
                .params(id, afterRow, limit)
                .query((rs, row) -> new RejectedRow(rs.getInt(1), Optional.ofNullable(rs.getString(2)),
                        rs.getString(3)))
                .list();
    }

    private void deleteFile(UUID id) {
        jdbc.sql("DELETE FROM import_job_chunk WHERE job_id = ?").param(id).update();
    }

    private static ImportJob map(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getObject("id", UUID.class), rs.getLong("position"), rs.getString("started_by"),
                rs.getBytes("file_sha256"), rs.getLong("file_bytes"), Optional.ofNullable(rs.getString("connector_id")),
                rs.getInt("batch_size"), ImportJobState.of(rs.getString("state")),
                new BulkImportJob.Summary(rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"),
                        rs.getInt("rejected"), rs.getInt("linked")),
                Optional.ofNullable(rs.getString("failure")), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }
}
