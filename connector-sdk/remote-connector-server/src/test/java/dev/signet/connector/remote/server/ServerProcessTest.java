package dev.signet.connector.remote.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.UserKey;
import dev.signet.connector.testkit.ConnectorServerProcess;
import dev.signet.connector.testkit.LoopbackCertificate;
import dev.signet.core.testing.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A department's deployment: the server started as its own Java process from a configuration file, running the
 * legacy-database connector on a real PostgreSQL, and Signet's side calling it over HTTPS.
 */
class ServerProcessTest {

    private static final TestKeys KEYS = new TestKeys();

    @TempDir
    Path directory;

    private ConnectorServerProcess process;

    @AfterEach
    void stopProcess() {
        if (process != null) {
            process.close(); // SIGTERM: the shutdown hook stops the server and closes the connector
        }
    }

    @Test
    void serverStartedFromAConfigurationFileServesTheLegacyDatabase() throws Exception {
        String jdbcUrl = PostgresTestServer.newEmptyDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id text PRIMARY KEY, username text NOT NULL, password_hash text, "
                    + "email text)");
            // openssl passwd -6 -salt Kq3vLw9xTz 'Dragon sleeps 4ever'
            statement.execute("INSERT INTO users VALUES ('u-42', 'rhys.morgan', "
                    + "'$6$Kq3vLw9xTz$hR5MZoyQsfEBFTMYwH59gsE0zoV/fkmy8BCk4T5QAlizT5O8VLFrtrMIWVXy"
                    + "EonuYOgBFXlJNCIkQeZYRpxmP1', "
                    + "'rhys.morgan@example.org')");
        }
        int port = Remote.freePort();
        String url = Remote.urlAt(port);
        Files.writeString(directory.resolve("signet-public.jwks.json"), KEYS.signetPublic);
        Files.writeString(directory.resolve("connector-signing-key.jwk.json"), KEYS.connectorPrivate);
        Files.writeString(directory.resolve("connector.properties"), String.join("\n",
                "listen.address=127.0.0.1",
                "listen.port=" + port,
                "tls.key-store=" + TestTls.get().keyStore(),
                "tls.key-store-password=${TEST_KEY_STORE_PASSWORD}",
                "audience=" + url,
                "signet.issuer=" + Remote.ISSUER,
                "signet.public-key-file=signet-public.jwks.json",
                "signing-key-file=connector-signing-key.jwk.json",
                "connector.id=renewals",
                "connector.display-name=Fishing licence account",
                "connector.department=environment-agency",
                "connector.type=legacy-database",
                "connector.settings.jdbc-url=" + jdbcUrl,
                "connector.settings.username=postgres",
                "connector.settings.table=users",
                "connector.settings.attributes.email=email",
                ""));

        process = ConnectorServerProcess.start(directory.resolve("connector.properties"),
                Map.of("TEST_KEY_STORE_PASSWORD", LoopbackCertificate.PASSWORD));

        try (Connector signetSide = Remote.open(url, KEYS)) {
            try (Password right = Password.of("Dragon sleeps 4ever"); Password wrong = Password.of("dragon")) {
                PasswordConnector passwords = (PasswordConnector) signetSide;
                assertThat(passwords.checkPassword("rhys.morgan", right)).isInstanceOfSatisfying(
                        Authenticated.class, authenticated -> {
                            assertThat(authenticated.identity().subject()).isEqualTo("u-42");
                            assertThat(authenticated.identity().connectorId()).isEqualTo("vehicle-tax");
                        });
                assertThat(passwords.checkPassword("rhys.morgan", wrong)).isInstanceOf(InvalidCredentials.class);
            }
            assertThat(signetSide.capability(LookupConnector.class).orElseThrow()
                    .lookUp(UserKey.subject("u-42")).found()).isPresent();
        }
    }

    @Test
    void wrongConfigurationStopsTheServerNamingEveryProblem() throws Exception {
        Files.writeString(directory.resolve("connector.properties"), String.join("\n",
                "audience=https://connector.example/signet",
                "connector.id=renewals",
                "connector.display-name=Fishing licence account",
                "connector.department=environment-agency",
                "connector.type=legacy-database",
                "connector.settings.jdbc-url=jdbc:postgresql://127.0.0.1:1/none",
                "connector.settings.table=users",
                ""));

        process = ConnectorServerProcess.launch(directory.resolve("connector.properties"), Map.of());

        assertThat(process.awaitExit()).isEqualTo(2);
        String printed = process.output();
        assertThat(printed).contains("signet.issuer: must be given", "signing-key-file: must be given",
                "give exactly one of signet.public-key-file and signet.jwks-url", "tls.key-store: must be given");
    }
}
