package dev.signet.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends POSIX signals to processes a test started itself (by process id, never by name), with the system's
 * {@code kill}: the JDK can only terminate a process, not pause one.
 */
public final class ProcessSignals {

    private ProcessSignals() {
    }

    /**
     * Sends {@code signal} ({@code STOP}, {@code CONT}, {@code KILL}) to each process, and waits for kill to finish.
     * Callers pass only processes of servers the test started: a child {@link Process}, the postmaster named in the
     * test's own data directory (pg_ctl detaches it, so it is not a descendant of this JVM), the pid a test's own
     * redis-server reports.
     */
    public static void send(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            int exit = kill.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every process started by {@code pid}, directly or not. */
    public static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(process -> process.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }
}
