package dev.signet.connector.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote connector server as a department runs it: its own Java process, started with
 * {@code RemoteConnectorServerMain connector.properties} and the environment the file names, on this JVM's class path
 * (which must hold {@code signet-remote-connector-server} and the connector's type). Tests that need the server in
 * another process (to stop it, pause it or kill it for real, or to check its start-up) share this one launcher.
 *
 * <pre>{@code
 * try (ConnectorServerProcess server = ConnectorServerProcess.start(propertiesFile, Map.of("KEY", "..."))) {
 *     String url = server.address(); // https://127.0.0.1:40123/signet
 * }
 * }</pre>
 */
public final class ConnectorServerProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "dev.signet.connector.remote.server.RemoteConnectorServerMain";
    private static final Pattern LISTENING = Pattern.compile("Remote connector \\S+ listening on (\\S+)");
    /** Guards against a hang only: a server that has not started or ended by then has failed. */
    private static final long GUARD_SECONDS = 60;

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<String> listening = new CompletableFuture<>();
    private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

    private ConnectorServerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "connector-server-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server and waits for its "listening on" line; see {@link #launch(Path, Map)}. */
    public static ConnectorServerProcess start(Path propertiesFile, Map<String, String> environment) {
        ConnectorServerProcess server = launch(propertiesFile, environment);
        server.address();
        return server;
    }

    /**
     * Starts the server without waiting for it. A {@code logback.xml} next to the properties file configures its
     * logging, as in production.
     */
    public static ConnectorServerProcess launch(Path propertiesFile, Map<String, String> environment) {
        Path properties = propertiesFile.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        Path logback = properties.resolveSibling("logback.xml");
        if (Files.exists(logback)) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        // Surefire and failsafe name the test class path here; java.class.path may be only their booter jar.
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), MAIN_CLASS, properties.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ConnectorServerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where it listens, as it printed it ({@code https://127.0.0.1:40123/signet}); waits for that line (at most a
     * minute) and fails, with everything the process printed, if it ends or does not start in time.
     */
    public String address() {
        try {
            return listening.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The connector server did not start: " + output());
        }
    }

    /** Waits for the process to end by itself (at most a minute) and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The connector server did not end: " + output());
        }
        try {
            outputEnded.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The connector server's output did not end", e);
        }
        return process.exitValue();
    }

    /** Its process id, for signals a test sends it (pause, resume, kill), and only to it. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process has written so far (standard output and error). */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Stops it as an operator would (SIGTERM: the server stops and the connector closes). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(matcher.group(1));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        listening.completeExceptionally(new IllegalStateException("the connector server process ended"));
        outputEnded.complete(null);
    }
}
