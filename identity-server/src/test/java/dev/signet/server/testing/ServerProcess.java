package dev.signet.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An identity-server running in a process of its own, started from the jar the build packaged
 * ({@code java -jar target/identity-server-*.jar}), as an operator runs it: nothing shared with the test's JVM but
 * loopback, PostgreSQL and Redis. Its output goes to a log file under {@code target/}, named in failures.
 */
public final class ServerProcess {

    /** Guards against a hang only: a server that is not ready by then has failed to start. */
    private static final Duration START_GUARD = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the packaged server with {@code arguments} (Spring Boot command-line properties, which outrank its
     * application.yml) on a free port; does not wait for it to be ready (see {@link #awaitReady()}).
     */
    public static ServerProcess start(String name, List<String> arguments) {
        try {
            int port = freePort();
            Path log = targetDirectory().resolve("server-process-" + name + ".log");
            List<String> command = new ArrayList<>(List.of(javaExecutable(),
                    // Small and quick to start: the test runs several at once on a small machine.
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", packagedJar().toString(), "--server.port=" + port));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServerProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the readiness probe answers 200; fails if the process exits first. */
    public ServerProcess awaitReady() throws Exception {
        Instant giveUp = Instant.now().plus(START_GUARD);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new AssertionError("Server " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> readiness = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (readiness.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Server " + name + " not ready; see " + log);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL, as a crash or an out-of-memory kill would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        ProcessSignals.send("KILL", List.of(process.pid()));
        process.waitFor();
    }

    /** Stops the process if it still runs (after the test); SIGKILL, since nothing of it needs keeping. */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** The build's {@code target/} folder, found from where the test classes are. */
    public static Path targetDirectory() {
        try {
            return Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test classes folder, for test configuration files the processes read. */
    public static Path testClassesDirectory() {
        return targetDirectory().resolve("test-classes");
    }

    /** The executable jar of the package phase (integration tests run after it). */
    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(targetDirectory())) {
            return files.filter(file -> file.getFileName().toString().matches("identity-server-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No identity-server jar in "
                            + targetDirectory() + ": run the integration tests through Maven (mvn verify), after "
                            + "the package phase"));
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
