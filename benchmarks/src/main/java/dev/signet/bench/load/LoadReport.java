package dev.signet.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** What one run measured, printed for people. Latencies are of successful operations only, in milliseconds. */
record LoadReport(String flow, int workers, Duration warmup, Duration measured, Histogram latencies,
        Map<String, Long> failures, List<Long> serverPids, double serverCpuSeconds, double driverCpuSeconds) {

    long succeeded() {
        return latencies.getTotalCount();
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    double operationsPerSecond() {
        return succeeded() / seconds(measured);
    }

    double operationsPerServerCpuSecond() {
        return succeeded() / serverCpuSeconds;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        line(out, "flow", flow);
        line(out, "workers", Integer.toString(workers));
        line(out, "measured", String.format(Locale.ROOT, "%.1f s after %.1f s warm-up", seconds(measured),
                seconds(warmup)));
        line(out, "operations", succeeded() + " succeeded, " + failed() + " failed");
        line(out, "throughput", String.format(Locale.ROOT, "%.1f operations/s", operationsPerSecond()));
        line(out, "latency ms", succeeded() == 0 ? "-" : String.format(Locale.ROOT,
                "p50 %.2f  p90 %.2f  p99 %.2f  max %.2f", millis(latencies.getValueAtPercentile(50)),
                millis(latencies.getValueAtPercentile(90)), millis(latencies.getValueAtPercentile(99)),
                millis(latencies.getMaxValue())));
        if (serverPids.isEmpty()) {
            line(out, "server CPU", "not measured (give --server-pid)");
        } else {
            line(out, "server CPU", String.format(Locale.ROOT, "%.2f s (%.2f cores) in pids %s and their children",
                    serverCpuSeconds, serverCpuSeconds / seconds(measured),
                    serverPids.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            line(out, "efficiency", String.format(Locale.ROOT, "%.1f operations per server CPU-second",
                    operationsPerServerCpuSecond()));
        }
        line(out, "driver CPU", String.format(Locale.ROOT, "%.2f s (%.2f cores)", driverCpuSeconds,
                driverCpuSeconds / seconds(measured)));
        failures.forEach((kind, count) -> line(out, "failure", count + " x " + kind));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", label, value));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
