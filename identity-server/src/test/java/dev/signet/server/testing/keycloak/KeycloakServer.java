package dev.signet.server.testing.keycloak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * A real Keycloak server for the tests: {@code kc.sh start-dev} of the unpacked distribution, on random free ports
 * of the loopback address, with an in-memory H2 database and a bootstrap administrator whose password is random per
 * run. Started once per test run ({@link KeycloakExtension}) and stopped, with every process it started, at the end.
 *
 * <p>Decision: {@code start-dev}, one process that builds and starts, rather than {@code kc.sh build} then
 * {@code start --optimized}, two JVMs doing the same work; nothing here needs production mode, and a fresh
 * distribution needs its build either way.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    /** Generous, for a shared 2-core machine: Keycloak's first start builds it and creates its schema. */
    private static final Duration START_LIMIT = Duration.ofMinutes(10);

    /** Null for a server this run did not start ({@link #running}). */
    private final Process process;
    private final URI url;
    private final String adminPassword;
    private final Path log;

    private KeycloakServer(Process process, URI url, String adminPassword, Path log) {
        this.process = process;
        this.url = url;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    static KeycloakServer start(KeycloakInstallation installation) {
        int port = freePort();
        int managementPort = freePort();
        String adminPassword = randomSecret();
        Path log = installation.home().resolve("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(installation.home().resolve("bin/kc.sh").toString(),
                "start-dev", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", installation.javaHome().toString());
        // Not on the command line, where ps would show it.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + installation.home().resolve("bin/kc.sh"), e);
        }
        KeycloakServer server = new KeycloakServer(process, URI.create("http://127.0.0.1:" + port), adminPassword,
                log);
        // Should the test JVM be killed, the server goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopProcesses, "keycloak-stop"));
        server.awaitReady();
        return server;
    }

    /**
     * A Keycloak already running, for working on these tests without waiting for a start each time
     * ({@code -Dsignet.keycloak.url=http://127.0.0.1:8180 -Dsignet.keycloak.admin-password=...}); never stopped here.
     */
    static KeycloakServer running(URI url, String adminPassword) {
        return new KeycloakServer(null, url, adminPassword, null);
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** The issuer of a realm: what an {@code oidc} connector's {@code issuer} is set to. */
    public String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** A new admin client signed in to the master realm as the bootstrap administrator; close it after use. */
    public Keycloak admin() {
        return KeycloakBuilder.builder().serverUrl(url.toString()).realm("master").clientId("admin-cli")
                .username(ADMIN_USERNAME).password(adminPassword).build();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(url.resolve("/realms/master/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue()
                        + "); the end of its log:\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        stopProcesses();
        throw new IllegalStateException("Keycloak was not ready within " + START_LIMIT + "; the end of its log:\n"
                + tail());
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        stopProcesses();
    }

    /** kc.sh runs Keycloak's JVM as its child: stop the children first, then the script. */
    private void stopProcesses() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
