package dev.signet.server.migration;

import dev.signet.connector.remote.internal.SigningKey;
import dev.signet.connector.testkit.ConnectorServerProcess;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.connector.testkit.LoopbackCertificate;
import dev.signet.server.testing.ProcessSignals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PausedOldSystemContract} with a department's remote connector server paused: the server runs the
 * legacy-database connector in a Java process of its own, started from its properties file as a department runs it,
 * and the test sends that process SIGSTOP, then SIGCONT. Signet's {@code remote} connector reaches the port (the
 * kernel accepts the connection) and gets no TLS handshake and no answer: its timeouts end each call.
 */
class RemoteConnectorPausedIT extends PausedOldSystemContract {

    private static final String ISSUER = "https://signet.test";
    private static final String SIGNET_KEY = SigningKey.generate("signet-records-1");
    private static final String CONNECTOR_KEY = SigningKey.generate("records-connector-1");
    private static final String RECORDS_DATABASE = PostgresTestServer.newEmptyDatabaseUrl();

    private static ConnectorServerProcess department;
    private static LoopbackCertificate certificate;

    @DynamicPropertySource
    static void connectors(DynamicPropertyRegistry registry) throws IOException {
        createRecordsTable(connectToRecordsDatabase());
        startDepartmentServer();
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-remote-paused.yml");
        registry.add("test.remote.url", department::address);
        registry.add("test.remote.signing-key", () -> SIGNET_KEY);
        registry.add("test.remote.connector-key", () -> SigningKey.parse(CONNECTOR_KEY).publicJwkSetJson());
        registry.add("test.remote.trust-certificates", () -> certificate.pem().toString());
    }

    @AfterAll
    static void stopDepartmentServer() {
        if (department != null) {
            if (department.isAlive()) {
                ProcessSignals.send("CONT", List.of(department.pid()));
            }
            department.close();
        }
    }

    @Override
    protected void pauseOldSystem() {
        ProcessSignals.send("STOP", List.of(department.pid()));
    }

    @Override
    protected void resumeOldSystem() {
        ProcessSignals.send("CONT", List.of(department.pid()));
    }

    @Override
    protected Connection connectToRecords() throws SQLException {
        return connectToRecordsDatabase();
    }

    private static Connection connectToRecordsDatabase() {
        try {
            return DriverManager.getConnection(RECORDS_DATABASE, "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The department's server for the records connector, from its own properties file, in its own process. */
    private static synchronized void startDepartmentServer() throws IOException {
        if (department != null) {
            return;
        }
        Path directory = Files.createTempDirectory("paused-remote-connector");
        certificate = LoopbackCertificate.makeIn(directory);
        Files.writeString(directory.resolve("signet-public.jwks.json"), SigningKey.parse(SIGNET_KEY)
                .publicJwkSetJson());
        Files.writeString(directory.resolve("connector-signing-key.jwk.json"), CONNECTOR_KEY);
        int port = freePort();
        Path properties = Files.writeString(directory.resolve("connector.properties"), String.join("\n",
                "listen.address=127.0.0.1",
                "listen.port=" + port,
                "tls.key-store=" + certificate.keyStore(),
                "tls.key-store-password=${KEY_STORE_PASSWORD}",
                "audience=https://127.0.0.1:" + port + "/signet",
                "signet.issuer=" + ISSUER,
                "signet.public-key-file=signet-public.jwks.json",
                "signing-key-file=connector-signing-key.jwk.json",
                "connector.id=" + CONNECTOR,
                "connector.display-name=Paused records account",
                "connector.department=records-office",
                "connector.type=legacy-database",
                "connector.settings.jdbc-url=" + RECORDS_DATABASE,
                "connector.settings.username=postgres",
                "connector.settings.table=records_users",
                "connector.settings.columns.subject=id",
                "connector.settings.columns.login=username",
                "connector.settings.columns.password-hash=password_hash",
                "connector.settings.columns.email-verified=email_checked",
                "connector.settings.attributes.email=email",
                ""));
        department = ConnectorServerProcess.start(properties,
                Map.of("KEY_STORE_PASSWORD", LoopbackCertificate.PASSWORD));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
