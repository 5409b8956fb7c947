package dev.signet.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process and its live descendants, from {@code /proc/<pid>/stat} (Linux): user + system
 * time of each, plus the root's {@code cutime + cstime} (children that already exited and were reaped, e.g.
 * PostgreSQL backends whose connection closed). The difference of two readings is the CPU the process tree spent in
 * between, which is what "operations per CPU-second of the server" divides by.
 */
final class ProcessCpu {

    private final long clockTicksPerSecond;

    ProcessCpu(long clockTicksPerSecond) {
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    static ProcessCpu forThisMachine() {
        return new ProcessCpu(clockTicks());
    }

    /** Seconds of CPU used by {@code pid} and its descendants so far. */
    double seconds(long pid) {
        Map<Long, List<Long>> children = childrenByParent();
        Stat root = stat(pid);
        long ticks = root.cutime() + root.cstime();
        List<Long> pending = new ArrayList<>(List.of(pid));
        while (!pending.isEmpty()) {
            long next = pending.remove(pending.size() - 1);
            Stat stat = next == pid ? root : statIfAlive(next);
            if (stat != null) {
                ticks += stat.utime() + stat.stime();
            }
            pending.addAll(children.getOrDefault(next, List.of()));
        }
        return (double) ticks / clockTicksPerSecond;
    }

    /** Fields of /proc/<pid>/stat after the command name, which may itself contain spaces and parentheses. */
    record Stat(long ppid, long utime, long stime, long cutime, long cstime) {

        static Stat parse(String line) {
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
            return new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14]));
        }
    }

    private static Stat stat(long pid) {
        Stat stat = statIfAlive(pid);
        if (stat == null) {
            throw new IllegalStateException("no process " + pid + " (is the server running, and is this Linux?)");
        }
        return stat;
    }

    private static Stat statIfAlive(long pid) {
        try {
            return Stat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        long pid = Long.parseLong(name);
                        Stat stat = statIfAlive(pid);
                        if (stat != null) {
                            children.computeIfAbsent(stat.ppid(), parent -> new ArrayList<>()).add(pid);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
        return children;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0 && !out.isEmpty()) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to Linux's usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
