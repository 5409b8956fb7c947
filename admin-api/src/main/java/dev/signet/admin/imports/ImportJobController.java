package dev.signet.admin.imports;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.idempotency.IdempotencyKeyFilter;
import dev.signet.admin.web.Cursors;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.Page;
import dev.signet.admin.web.Problems;
import dev.signet.bulkimport.ImportOptions;
import dev.signet.bulkimport.RejectedRow;
import dev.signet.bulkimport.RejectionReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Bulk import jobs (docs/bulk-import.md "Admin API"): start one by uploading a file ({@code admin.manage}), follow it
 * and read its report ({@code admin.read}).
 */
@RestController
@RequestMapping("/import-jobs")
@Tag(name = "Import jobs", description = "Bulk imports of legacy users (start: admin.manage; follow: admin.read)")
public class ImportJobController {

    /** JSON Lines; no media type is registered for it yet, and this is the name in common use. */
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    static final URI FILE_TOO_LARGE = URI.create("https://signet.dev/problems/import-file-too-large");
    static final URI FILE_INVALID = URI.create("https://signet.dev/problems/import-file-invalid");
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final int REPORT_PAGE = 1000;

    private final ImportJobUploads uploads;
    private final JdbcImportJobStore store;
    private final ImportJobRunner runner;
    private final OperatorAudit operatorAudit;

    ImportJobController(ImportJobUploads uploads, JdbcImportJobStore store, ImportJobRunner runner,
            OperatorAudit operatorAudit) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.store = Objects.requireNonNull(store, "store");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a bulk import job",
            description = "The request body is the file: a JSON array of users in Auth0's bulk user import schema "
                    + "(docs/bulk-import.md), streamed to storage as it arrives. Answers 202 with the queued job and "
                    + "its Location; follow it there. Needs an Idempotency-Key: the same key with the same file and "
                    + "options gives the same job back (Idempotent-Replayed: true), with another file a 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The import file: a JSON array of users",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE)))
    public ResponseEntity<?> start(
            @Parameter(description = "The connector (its id in identity-server's connectors file) whose legacy "
                    + "system the file comes from: each row's user_id is linked to its account as that connector's "
                    + "legacy identity") @RequestParam(required = false) String connector,
            @Parameter(description = "Rows per transaction, 1 to 10000 (default 500)")
            @RequestParam(name = "batch_size", required = false) Integer batchSize,
            @RequestHeader(name = IdempotencyKeyFilter.HEADER, required = false) String idempotencyKey,
            Authentication operator, HttpServletRequest request) throws IOException {
        String key = IdempotencyKeyFilter.parseKey(idempotencyKey);
        if (key == null) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, Problems.IDEMPOTENCY_KEY_MISSING,
                    "Idempotency key required", "Send a unique Idempotency-Key header (for example a random UUID in "
                            + "quotes) with every POST, and the same one when you retry it."));
        }
        ImportOptions options = options(connector, batchSize);
        ImportJobUploads.Outcome outcome = uploads.upload(operator, request, key, options);
        if (outcome instanceof ImportJobUploads.Created created) {
            runner.poke();
            return accepted(created.job(), false);
        }
        if (outcome instanceof ImportJobUploads.Replayed replayed) {
            return accepted(replayed.job(), true);
        }
        if (outcome instanceof ImportJobUploads.TooLarge tooLarge) {
            ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, FILE_TOO_LARGE, "Import file too large",
                    "The file is larger than this admin API takes (signet.admin.imports.max-file-size, "
                            + tooLarge.maxBytes() + " bytes). Split it into several files and start a job for each.");
            problem.setProperty("max_bytes", tooLarge.maxBytes());
            return problem(problem);
        }
        if (outcome instanceof ImportJobUploads.NotAnArray) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, FILE_INVALID, "Not an import file", "The body must be "
                    + "a JSON array of users in Auth0's bulk user import schema (docs/bulk-import.md); this one does "
                    + "not start with '['."));
        }
        return problem(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, Problems.IDEMPOTENCY_KEY_REUSED,
                "Idempotency key already used", "This Idempotency-Key started a job with another file or other "
                        + "options. Use a new key for a new job."));
    }

    private static ImportOptions options(String connector, Integer batchSize) {
        int size = batchSize == null ? ImportOptions.DEFAULT_BATCH_SIZE : batchSize;
        if (size < 1 || size > ImportOptions.MAX_BATCH_SIZE) {
            throw new InvalidRequestException("batch_size", "Give a number of rows from 1 to "
                    + ImportOptions.MAX_BATCH_SIZE + ".");
        }
        if (connector != null && (connector.isBlank() || connector.length() > ImportOptions.MAX_CONNECTOR_ID_LENGTH
                || !connector.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new InvalidRequestException("connector", "Give the connector's id as identity-server's connectors "
                    + "file names it: visible ASCII characters, at most " + ImportOptions.MAX_CONNECTOR_ID_LENGTH
                    + ".");
        }
        return new ImportOptions(size, Optional.ofNullable(connector));
    }

    private static ResponseEntity<ImportJobView> accepted(ImportJob job, boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/import-jobs/" + job.id()));
        if (replayed) {
            response.header(IdempotencyKeyFilter.REPLAYED, "true");
        }
        return response.body(ImportJobView.of(job));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping
    @Operation(summary = "List import jobs, newest first", description = "Cursor pages like every list of this API.")
    public Page<ImportJobView> list(
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 20)")
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "Give a page size from 1 to " + MAX_LIMIT + ".");
        }
        List<ImportJob> jobs = store.list(Cursors.decode(cursor), size + 1);
        boolean more = jobs.size() > size;
        List<ImportJob> page = more ? jobs.subList(0, size) : jobs;
        return new Page<>(page.stream().map(ImportJobView::of).toList(),
                more ? Cursors.encode(page.get(page.size() - 1).position()) : null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Follow an import job", description = "Its state and counts so far (after each batch).")
    public ImportJobView view(@PathVariable UUID id) {
        return ImportJobView.of(find(id));
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "Download an import job's per-row report",
            description = "JSON Lines, one rejected row a line in file order: {\"row\":12,\"user_id\":\"...\","
                    + "\"reason\":\"...\"}. Streamed; while the job runs, the rows rejected so far. Holds user_ids, "
                    + "as the file does; the download is audited.")
    public ResponseEntity<StreamingResponseBody> report(@PathVariable UUID id, Authentication operator,
            HttpServletRequest request) {
        ImportJob job = find(id);
        operatorAudit.record(operator, request, ImportJobAudit.REPORT_DOWNLOADED, Optional.empty(),
                Map.of("job_id", job.id().toString()));
        StreamingResponseBody body = out -> {
            RejectionReport report = new RejectionReport(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            int after = 0;
            for (List<RejectedRow> rows = store.rejections(id, after, REPORT_PAGE); !rows.isEmpty();
                    rows = store.rejections(id, after, REPORT_PAGE)) {
                rows.forEach(report);
                after = rows.get(rows.size() - 1).row();
            }
            report.close();
        };
        return ResponseEntity.ok().contentType(JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-report.jsonl\"")
                .body(body);
    }

    private ImportJob find(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("There is no import job with id " + id + "."));
    }
}
