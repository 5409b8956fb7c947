package dev.signet.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Runs one flow with N workers: each worker prepares, then repeats its operation back to back (a closed loop: the next
 * operation starts when the previous one ends). Operations that start during the warm-up are not counted; measuring
 * stops at the end of the duration, or once {@code count} measured operations have started. The server's CPU is read
 * at the start and the end of the measured window.
 */
final class LoadRun {

    /** Latencies above this are recorded as this; a minute is far beyond any operation that should count as working. */
    private static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    private final Flow flow;
    private final int workers;
    private final Duration warmup;
    private final Duration duration;
    private final long count;
    private final List<Long> serverPids;
    private final ProcessCpu cpu;

    /** @param count measured operations to run, or 0 to run for {@code duration} */
    LoadRun(Flow flow, int workers, Duration warmup, Duration duration, long count, List<Long> serverPids,
            ProcessCpu cpu) {
        this.flow = Objects.requireNonNull(flow, "flow");
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1");
        }
        this.workers = workers;
        this.warmup = Objects.requireNonNull(warmup, "warmup");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.count = count;
        this.serverPids = List.copyOf(serverPids);
        this.cpu = Objects.requireNonNull(cpu, "cpu");
    }

    LoadReport run() throws Exception {
        List<Flow.Operation> operations = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            operations.add(flow.prepare(worker));
        }

        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = count > 0 ? Long.MAX_VALUE : measureFrom + duration.toNanos();
        AtomicLong tickets = new AtomicLong();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<Histogram> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            latencies.add(histogram);
            Flow.Operation operation = operations.get(worker);
            Thread thread = new Thread(() -> loop(operation, measureFrom, measureUntil, tickets, histogram, failures),
                    "load-" + flow.name() + "-" + worker);
            threads.add(thread);
            thread.start();
        }

        sleepUntil(measureFrom);
        double serverCpuBefore = serverCpuSeconds();
        double driverCpuBefore = cpu.seconds(ProcessHandle.current().pid());
        long measuredFrom = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        long measuredUntil = System.nanoTime();
        double serverCpu = serverPids.isEmpty() ? Double.NaN : serverCpuSeconds() - serverCpuBefore;
        double driverCpu = cpu.seconds(ProcessHandle.current().pid()) - driverCpuBefore;

        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        latencies.forEach(all::add);
        Map<String, Long> failed = new java.util.TreeMap<>();
        failures.forEach((kind, adder) -> failed.put(kind, adder.sum()));
        return new LoadReport(flow.name(), workers, warmup, Duration.ofNanos(measuredUntil - measuredFrom), all,
                failed, serverPids, serverCpu, driverCpu);
    }

    private void loop(Flow.Operation operation, long measureFrom, long measureUntil, AtomicLong tickets,
            Histogram latencies, Map<String, LongAdder> failures) {
        while (true) {
            long begin = System.nanoTime();
            boolean measured = begin - measureFrom >= 0;
            if (measured && (begin - measureUntil >= 0 || (count > 0 && tickets.incrementAndGet() > count))) {
                return;
            }
            String failure = null;
            try {
                operation.run();
            } catch (FlowFailure e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failure = e.getClass().getSimpleName();
            }
            if (measured) {
                if (failure == null) {
                    latencies.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - begin) / 1000));
                } else {
                    failures.computeIfAbsent(failure, kind -> new LongAdder()).increment();
                }
            }
        }
    }

    private double serverCpuSeconds() {
        double seconds = 0;
        for (long pid : serverPids) {
            seconds += cpu.seconds(pid);
        }
        return seconds;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, remaining / 1_000_000));
        }
    }
}
