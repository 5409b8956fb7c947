package dev.signet.admin.imports;

import dev.signet.bulkimport.BulkImportJob;
import dev.signet.bulkimport.ImportFileException;
import dev.signet.bulkimport.ImportOptions;
import dev.signet.bulkimport.RejectedRow;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs queued import jobs in the background, one at a time per admin-api instance, with the same
 * {@link BulkImportJob} as identity-server's command line. Any instance may run any job: each claims the oldest queued
 * one in PostgreSQL ({@code FOR UPDATE SKIP LOCKED}), so a job uploaded to one instance may run on another.
 *
 * <p>Decision: a job interrupted by a restart is marked failed, not resumed. The import is idempotent, so starting a
 * new job with the same file finishes the work (rows already imported come back {@code unchanged}) and its report is
 * whole, where a resumed job would need its position in the file and its counts saved with every batch's
 * transaction. An instance that stops cleanly marks its job failed at once; one that dies leaves a stale heartbeat,
 * and any instance marks the job failed once the heartbeat is older than {@code signet.admin.imports.stale-after}.
 */
public class ImportJobRunner implements DisposableBean {

    static final String INTERRUPTED = "The admin API instance running this job stopped before the end of the file. "
            + "Rows imported before stay imported: start a new job with the same file to finish (they come back "
            + "unchanged).";
    static final String DATABASE_FAILED = "The import could not write to the database. Rows imported before stay "
            + "imported: start a new job with the same file to finish (they come back unchanged).";
    private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);
    /** Rejected rows held before they are written to the report, so a file of only bad rows needs no more memory. */
    private static final int REPORT_BATCH = 500;

    private final JdbcImportJobStore store;
    private final DataSource dataSource;
    private final ImportJobAudit audit;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Duration staleAfter;
    private final String runnerId = runnerName();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-job");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    ImportJobRunner(JdbcImportJobStore store, DataSource dataSource, ImportJobAudit audit,
            TransactionOperations transactions, Clock clock, Duration staleAfter) {
        this.store = Objects.requireNonNull(store, "store");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    }

    /** A job was queued: start on it now rather than at the next poll. */
    void poke() {
        if (!stopping) {
            executor.execute(this::drain);
        }
    }

    /** Every instance, now and then: fails jobs whose instance died, and picks up queued jobs. */
    @Scheduled(fixedDelayString = "${signet.admin.imports.poll-interval:PT10S}", initialDelayString = "PT1S")
    void poll() {
        try {
            failAbandoned();
            poke();
        } catch (RuntimeException e) {
            log.warn("Could not look for import jobs: {}", e.toString());
        }
    }

    void failAbandoned() {
        transactions.executeWithoutResult(status -> store.failAbandoned(clock.instant().minus(staleAfter),
                        INTERRUPTED, clock.instant())
                .forEach(job -> {
                    log.warn("Import job {} was running on an instance that stopped; marked failed", job.id());
                    audit.finished(job, ImportJobState.FAILED, job.counts(), Optional.of(INTERRUPTED));
                }));
    }

    private void drain() {
        while (!stopping) {
            Optional<ImportJob> next = store.claimNext(runnerId, clock.instant());
            if (next.isEmpty()) {
                return;
            }
            run(next.get());
        }
    }

    private void run(ImportJob job) {
        log.info("Import job {} started on {}", job.id(), runnerId);
        Report report = new Report(job.id());
        BulkImportJob.Summary[] latest = {BulkImportJob.Summary.NONE};
        BulkImportJob importer = new BulkImportJob(dataSource, clock,
                new ImportOptions(job.batchSize(), job.connectorId()));
        try (InputStream file = new StoredFileInputStream(store, job.id())) {
            BulkImportJob.Summary counts = importer.run(file, report, progress -> {
                report.flush();
                latest[0] = progress;
                if (stopping) {
                    throw new Stopped();
                }
                if (!store.recordProgress(job.id(), runnerId, progress, clock.instant())) {
                    throw new TakenAway();
                }
            });
            end(job, ImportJobState.SUCCEEDED, counts, Optional.empty());
        } catch (ImportFileException unreadable) {
            report.flush();
            end(job, ImportJobState.FAILED, latest[0], Optional.of(unreadable.getMessage()
                    + ". Rows before it were imported: fix the file and start a new job."));
        } catch (Stopped stopped) {
            end(job, ImportJobState.FAILED, latest[0], Optional.of(INTERRUPTED));
        } catch (TakenAway takenAway) {
            log.warn("Import job {} was marked failed by another instance while it ran here; stopped", job.id());
        } catch (Exception e) {
            log.error("Import job {} failed", job.id(), e);
            end(job, ImportJobState.FAILED, latest[0], Optional.of(DATABASE_FAILED));
        }
    }

    private void end(ImportJob job, ImportJobState state, BulkImportJob.Summary counts, Optional<String> failure) {
        try {
            transactions.executeWithoutResult(status -> {
                if (store.finish(job.id(), runnerId, state, counts, failure, clock.instant())) {
                    audit.finished(job, state, counts, failure);
                }
            });
            log.info("Import job {} {}: {}", job.id(), state.value(), counts);
        } catch (RuntimeException e) {
            // The heartbeat stops with this job: another instance will mark it failed after stale-after.
            log.error("Could not record the end of import job {}", job.id(), e);
        }
    }

    /** Stops after the current batch and marks the job failed, so that a restart never leaves it running. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("An import job did not stop within 30 s; it will be marked failed after stale-after");
        }
    }

    private static String runnerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }

    /** Rejected rows on their way to the report, written a few hundred at a time. */
    private final class Report implements Consumer<RejectedRow> {
        private final UUID jobId;
        private final List<RejectedRow> pending = new ArrayList<>();

        Report(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public void accept(RejectedRow row) {
            pending.add(row);
            if (pending.size() >= REPORT_BATCH) {
                flush();
            }
        }

        void flush() {
            store.addRejections(jobId, List.copyOf(pending));
            pending.clear();
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("The admin API is stopping", null, false, false);
        }
    }

    private static final class TakenAway extends RuntimeException {
        TakenAway() {
            super("The job is no longer this instance's", null, false, false);
        }
    }
}
