package dev.signet.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of a test's own (unlike the JVM-wide {@code PostgresTestServer}), which the test may stop
 * (PostgreSQL's fast shutdown: open transactions are rolled back, connections closed) and start again on the same port
 * with the same data, as an operator restarting the database would; crash (immediate shutdown) and start again, as
 * after a failed host; or pause (SIGSTOP) and resume (SIGCONT), as a
 * server that hangs (a stalled disk, a stop-the-world host) would: connections are still accepted by the kernel, but
 * nothing answers.
 */
public final class StoppablePostgresServer {

    /** PostgreSQL's {@code max_connections}: room for a server's pool, a connector's and a test's own. */
    public static final int MAX_CONNECTIONS = 40;
    private static final String TOO_MANY_CONNECTIONS = "53300";

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres process;

    private StoppablePostgresServer(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** A server on a free loopback port with its data in a new temporary directory, started. */
    public static StoppablePostgresServer startOnFreePort() {
        try {
            StoppablePostgresServer server = new StoppablePostgresServer(freePort(),
                    Files.createTempDirectory("signet-stoppable-postgres").resolve("data"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (process != null) {
            return;
        }
        try {
            // Few connections (the embedded default is 300), so a test can take every one of them quickly.
            process = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port, e);
        } finally {
            process = null;
        }
    }

    /**
     * Kills the server as a failing host would. SIGQUIT to the postmaster is PostgreSQL's immediate shutdown: every
     * backend exits at once, rolling nothing back in order and releasing no lock to another backend, so no transaction
     * can slip through while the server goes down. (In a fast shutdown each backend rolls its transaction back when
     * its turn comes; a transaction waiting on a lock held by one rolled back earlier can still commit before its own
     * turn.) The next {@link #start()} recovers from the write-ahead log. Zonky's close afterwards only releases its
     * hold on the data directory; its {@code pg_ctl stop} finds no server and logs that it could not stop it.
     */
    public synchronized void crash() {
        long postmaster = postmasterPid();
        ProcessSignals.send("QUIT", List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(StoppablePostgresServer::awaitExit);
        stop();
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (process " + process.pid() + ") did not exit", e);
        }
    }

    /**
     * Freezes the server's processes (SIGSTOP): the postmaster first, so it forks no new backend, then every backend.
     * Only processes of this test's own server: found from its {@code postmaster.pid}.
     */
    public synchronized void pause() {
        long postmaster = postmasterPid();
        ProcessSignals.send("STOP", List.of(postmaster));
        ProcessSignals.send("STOP", ProcessSignals.descendants(postmaster));
    }

    /** Lets the server's processes run again (SIGCONT), backends first, then the postmaster. */
    public synchronized void resume() {
        long postmaster = postmasterPid();
        ProcessSignals.send("CONT", ProcessSignals.descendants(postmaster));
        ProcessSignals.send("CONT", List.of(postmaster));
    }

    private long postmasterPid() {
        if (process == null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is not running");
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            // The file is this server's own; still, never signal a process that is not a PostgreSQL server.
            boolean postgres = ProcessHandle.of(pid).flatMap(handle -> handle.info().command())
                    .filter(command -> command.endsWith("postgres")).isPresent();
            if (!postgres) {
                throw new IllegalStateException("Process " + pid + " of " + dataDirectory + " is not PostgreSQL");
            }
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server for good and deletes its data. */
    public synchronized void stopAndDelete() {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDirectory, e);
        }
    }

    /** The {@code postgres} database, as the {@code postgres} superuser. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** A connection of the test's own, outside the server's pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /**
     * Opens connections as the superuser until PostgreSQL refuses one for want of slots (SQLSTATE 53300), and returns
     * them: nobody else can connect while they are open. Each is named {@code application_name} in
     * {@code pg_stat_activity}.
     */
    public List<Connection> takeEveryFreeConnection(String applicationName) throws SQLException {
        List<Connection> taken = new ArrayList<>();
        for (int attempt = 0; attempt <= MAX_CONNECTIONS; attempt++) {
            try {
                taken.add(DriverManager.getConnection(jdbcUrl() + "&ApplicationName=" + applicationName));
            } catch (SQLException refused) {
                if (TOO_MANY_CONNECTIONS.equals(refused.getSQLState())) {
                    return taken;
                }
                throw refused;
            }
        }
        throw new IllegalStateException("PostgreSQL accepted more than max_connections connections");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
