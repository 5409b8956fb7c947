package dev.signet.admin.imports;

import dev.signet.bulkimport.BulkImportJob;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One bulk import job as stored (table {@code import_job}).
 *
 * @param position   its place in the list, newest highest (the list's cursor)
 * @param startedBy  the operator who started it (the token's subject)
 * @param fileSha256 SHA-256 of the uploaded file
 * @param counts     the counts so far; {@code total()} is the rows read
 * @param failure    why it failed, for a failed job
 */
public record ImportJob(UUID id, long position, String startedBy, byte[] fileSha256, long fileBytes,
        Optional<String> connectorId, int batchSize, ImportJobState state, BulkImportJob.Summary counts,
        Optional<String> failure, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(fileSha256, "fileSha256");
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
