package dev.signet.bulkimport;

import dev.signet.core.account.EmailAddress;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Imports legacy users from a file in Auth0's bulk user import schema into Signet's accounts (docs/bulk-import.md).
 * Streamed: rows are read one at a time and written in batches of {@code batchSize}, each batch in one transaction,
 * so memory does not grow with the file. Idempotent: a user is found again by the source {@code user_id} or the
 * normalised email, so a second run updates or leaves rows unchanged and never duplicates them.
 *
 * <p>When the options name a connector, each row's {@code user_id} is linked to its account as a legacy identity of
 * that connector; a row's own {@code legacy_identity} is linked in any case (see {@link JdbcImportWriter}).
 *
 * <p>A plain class with no framework in it: identity-server's command line and admin-api's import jobs run it. Not
 * thread-safe; one run at a time per instance.
 */
public final class BulkImportJob {

    /** Rows per transaction by default ({@link ImportOptions#DEFAULT_BATCH_SIZE}). */
    public static final int DEFAULT_BATCH_SIZE = ImportOptions.DEFAULT_BATCH_SIZE;

    private final JdbcImportWriter writer;
    private final int batchSize;
    private final ImportFileReader reader = new ImportFileReader();

    public BulkImportJob(DataSource dataSource, Clock clock, ImportOptions options) {
        Objects.requireNonNull(options, "options");
        this.writer = new JdbcImportWriter(Objects.requireNonNull(dataSource, "dataSource"), clock,
                options.connectorId());
        this.batchSize = options.batchSize();
    }

    public BulkImportJob(DataSource dataSource, Clock clock, int batchSize) {
        this(dataSource, clock, new ImportOptions(batchSize, Optional.empty()));
    }

    /**
     * The counts of one run. {@code rejected} counts rows the file or the database refused; {@code linked} counts
     * legacy identities newly linked (a link already in place is not counted again).
     */
    public record Summary(int created, int updated, int unchanged, int rejected, int linked) {

        public static final Summary NONE = new Summary(0, 0, 0, 0, 0);

        /** Rows counted so far: every row read is, once its batch is written, exactly one of the four. */
        public int total() {
            return created + updated + unchanged + rejected;
        }
    }

    /** Told after each batch is written: how far the run has come. Called on the thread that runs the import. */
    @FunctionalInterface
    public interface ProgressListener {

        ProgressListener NONE = counts -> { };

        void progressed(Summary countsSoFar);
    }

    /**
     * Imports the file.
     *
     * @param rejections told of every rejected row, in the order met (the report)
     * @throws ImportFileException when the file stops being readable; every row before the fault is written
     */
    public Summary run(InputStream file, Consumer<RejectedRow> rejections) {
        return run(file, rejections, ProgressListener.NONE);
    }

    /**
     * Imports the file, telling {@code progress} the counts after each batch.
     *
     * @throws ImportFileException when the file stops being readable; every row before the fault is written
     */
    public Summary run(InputStream file, Consumer<RejectedRow> rejections, ProgressListener progress) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rejections, "rejections");
        Objects.requireNonNull(progress, "progress");
        Run run = new Run(rejections, progress);
        try {
            reader.read(file, run::add, run::reject);
        } catch (ImportFileException unreadable) {
            // The rows read before the fault are sound: keep them, then report the fault.
            run.flush();
            progress.progressed(run.summary());
            throw unreadable;
        }
        run.flush();
        // Rows the reader rejected after the last batch count too.
        progress.progressed(run.summary());
        return run.summary();
    }

    /** One run's pending batch and counts. */
    private final class Run {
        private final Consumer<RejectedRow> rejections;
        private final ProgressListener progress;
        private final List<ImportUser> batch = new ArrayList<>(batchSize);
        // Emails and user_ids of the pending batch: a row repeating one waits for the batch before it to be written.
        private final Set<String> keys = new HashSet<>();
        private int created;
        private int updated;
        private int unchanged;
        private int rejected;
        private int linked;

        Run(Consumer<RejectedRow> rejections, ProgressListener progress) {
            this.rejections = rejections;
            this.progress = progress;
        }

        void add(ImportUser user) {
            String email = "email:" + EmailAddress.canonical(user.email());
            String id = user.userId().map(value -> "user_id:" + value).orElse(null);
            // A legacy identity is linked to one account: two rows naming it are written in order, not together.
            String legacy = user.legacy().map(identity -> "legacy:" + identity.connector() + "\n" + identity.subject())
                    .orElse(null);
            if (keys.contains(email) || (id != null && keys.contains(id))
                    || (legacy != null && keys.contains(legacy))) {
                flush();
            }
            batch.add(user);
            keys.add(email);
            if (id != null) {
                keys.add(id);
            }
            if (legacy != null) {
                keys.add(legacy);
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
            linked += outcome.linked();
            outcome.rejected().forEach(this::reject);
            progress.progressed(summary());
        }

        Summary summary() {
            return new Summary(created, updated, unchanged, rejected, linked);
        }
    }
}
