package dev.signet.server.imports;

import dev.signet.core.account.EmailAddress;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Imports legacy users from a file in Auth0's bulk user import schema into Signet's accounts (docs/bulk-import.md).
 * Streamed: rows are read one at a time and written in batches of {@code batchSize}, each batch in one transaction,
 * so memory does not grow with the file. Idempotent: a user is found again by the source {@code user_id} or the
 * normalised email, so a second run updates or leaves rows unchanged and never duplicates them.
 *
 * <p>A plain class with no framework in it: the command line ({@link BulkImportCommand}) runs it now, and the admin
 * API can run the same job later. Not thread-safe; one run at a time per instance.
 */
public final class BulkImportJob {

    /** Rows per transaction: large enough that a round trip is shared by many rows, small enough to retry cheaply. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final JdbcImportWriter writer;
    private final int batchSize;
    private final ImportFileReader reader = new ImportFileReader();

    public BulkImportJob(DataSource dataSource, Clock clock, int batchSize) {
        this.writer = new JdbcImportWriter(Objects.requireNonNull(dataSource, "dataSource"), clock);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("The batch size must be 1..10000, but was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The counts of one run. {@code rejected} counts rows the file or the database refused. */
    public record Summary(int created, int updated, int unchanged, int rejected) {

        public int total() {
            return created + updated + unchanged + rejected;
        }
    }

    /**
     * Imports the file.
     *
     * @param rejections told of every rejected row, in the order met (the report)
     * @throws ImportFileException when the file stops being readable; every row before the fault is written
     */
    public Summary run(InputStream file, Consumer<RejectedRow> rejections) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rejections, "rejections");
        Run run = new Run(rejections);
        try {
            reader.read(file, run::add, run::reject);
        } catch (ImportFileException unreadable) {
            // The rows read before the fault are sound: keep them, then report the fault.
            run.flush();
            throw unreadable;
        }
        run.flush();
        return run.summary();
    }

    /** One run's pending batch and counts. */
    private final class Run {
        private final Consumer<RejectedRow> rejections;
        private final List<ImportUser> batch = new ArrayList<>(batchSize);
        // Emails and user_ids of the pending batch: a row repeating one waits for the batch before it to be written.
        private final Set<String> keys = new HashSet<>();
        private int created;
        private int updated;
        private int unchanged;
        private int rejected;

        Run(Consumer<RejectedRow> rejections) {
            this.rejections = rejections;
        }

        void add(ImportUser user) {
            String email = "email:" + EmailAddress.canonical(user.email());
            String id = user.userId().map(value -> "user_id:" + value).orElse(null);
            if (keys.contains(email) || (id != null && keys.contains(id))) {
                flush();
            }
            batch.add(user);
            keys.add(email);
            if (id != null) {
                keys.add(id);
            }
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void reject(RejectedRow row) {
            rejected++;
            rejections.accept(row);
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            JdbcImportWriter.BatchOutcome outcome = writer.write(List.copyOf(batch));
            batch.clear();
            keys.clear();
            created += outcome.created();
            updated += outcome.updated();
            unchanged += outcome.unchanged();
            outcome.rejected().forEach(this::reject);
        }

        Summary summary() {
            return new Summary(created, updated, unchanged, rejected);
        }
    }
}
