package dev.signet.server.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The part every outbox worker shares: its own daemon thread (so neither a citizen's request nor other scheduled work
 * waits for a slow recipient) that runs each {@link Task} at a fixed delay from start to stop, and survives a failed
 * run (the database may be briefly away: the next run tries again). Every instance runs one per outbox; the outbox
 * hands each row to one worker at a time.
 */
public final class PollingWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWorker.class);

    /**
     * Something to run every {@code period}.
     *
     * @param what what it does, for the log ("deliver security events")
     */
    public record Task(String what, Duration period, Runnable run) {
        public Task {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(run, "run");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
        }
    }

    private final String threadName;
    private final List<Task> tasks;
    private ScheduledExecutorService executor;

    public PollingWorker(String threadName, List<Task> tasks) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.tasks = List.copyOf(tasks);
    }

    /**
     * Claims and handles batches until a claim comes back empty; returns how many rows were handled. Handlers record
     * each row's outcome in the outbox themselves (delivered, retry later, failed), so a handled row is not claimed
     * again before it is due.
     */
    public static <T> int drain(Supplier<List<T>> claimBatch, Consumer<T> handle) {
        int handled = 0;
        List<T> batch;
        while (!(batch = claimBatch.get()).isEmpty()) {
            for (T row : batch) {
                handle.accept(row);
                handled++;
            }
        }
        return handled;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        for (Task task : tasks) {
            long period = task.period().toMillis();
            executor.scheduleWithFixedDelay(() -> runSafely(task), period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runSafely(Task task) {
        try {
            task.run().run();
        } catch (RuntimeException e) {
            LOG.warn("{} could not {}: {}", threadName, task.what(), e.toString());
        }
    }
}
