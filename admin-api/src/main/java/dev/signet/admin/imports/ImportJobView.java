package dev.signet.admin.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HexFormat;

/**
 * An import job as the API shows it.
 *
 * @param state    queued, running, succeeded or failed
 * @param progress the counts so far: {@code rows_read} is the sum of the four outcomes; {@code linked} counts legacy
 *                 identities newly linked
 * @param failure  for a failed job, what happened and what to do
 * @param report   where the per-row report is read (JSON Lines, one rejected row a line)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(
        String id,
        String state,
        @JsonProperty("started_by") String startedBy,
        FileView file,
        OptionsView options,
        ProgressView progress,
        String failure,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        String report) {

    /** The uploaded file: its size and SHA-256 (hex), to check against the file the operator meant to send. */
    public record FileView(long bytes, String sha256) {
    }

    /** The options the job was started with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionsView(String connector, @JsonProperty("batch_size") int batchSize) {
    }

    public record ProgressView(@JsonProperty("rows_read") int rowsRead, int created, int updated, int unchanged,
            int rejected, int linked) {
    }

    static ImportJobView of(ImportJob job) {
        return new ImportJobView(job.id().toString(), job.state().value(), job.startedBy(),
                new FileView(job.fileBytes(), HexFormat.of().formatHex(job.fileSha256())),
                new OptionsView(job.connectorId().orElse(null), job.batchSize()),
                new ProgressView(job.counts().total(), job.counts().created(), job.counts().updated(),
                        job.counts().unchanged(), job.counts().rejected(), job.counts().linked()),
                job.failure().orElse(null), job.createdAt().toString(),
                job.startedAt().map(Object::toString).orElse(null),
                job.finishedAt().map(Object::toString).orElse(null),
                "/import-jobs/" + job.id() + "/report");
    }
}
