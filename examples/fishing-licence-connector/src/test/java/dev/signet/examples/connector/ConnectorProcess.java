package dev.signet.examples.connector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * The connector as the department runs it: its own Java process, started with
 * {@code RemoteConnectorServerMain connector.properties} and the environment the file names. The class path is this
 * JVM's, which holds the same jars as {@code target/lib}.
 */
public final class ConnectorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Remote connector \\S+ listening on (\\S+)");

    private final Process process;
    private final List<String> output;
    private final String address;

    private ConnectorProcess(Process process, List<String> output, String address) {
        this.process = process;
        this.output = output;
        this.address = address;
    }

    /**
     * Starts the server and waits for its "listening on" line (at most a minute). The {@code logback.xml} next to the
     * properties file configures its logging, as in production.
     */
    public static ConnectorProcess start(Path propertiesFile, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + propertiesFile.toAbsolutePath().resolveSibling("logback.xml"),
                "-cp", System.getProperty("java.class.path"),
                "dev.signet.connector.remote.server.RemoteConnectorServerMain",
                propertiesFile.toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> output = new ArrayList<>();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(() -> readOutput(process, output, listening), "connector-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ConnectorProcess(process, output, listening.get(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The connector did not start: " + String.join("\n", output));
        }
    }

    private static void readOutput(Process process, List<String> output, CompletableFuture<String> listening) {
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
        listening.completeExceptionally(new IllegalStateException("the connector process ended"));
    }

    /** Where it listens, as it printed it: {@code https://127.0.0.1:40123/signet}. */
    public String address() {
        return address;
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
}
