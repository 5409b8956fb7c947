package dev.signet.connector.remote.server;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.legacydb.LegacyDatabaseType;
import dev.signet.connector.testkit.KnownUser;
import dev.signet.connector.testkit.PasswordConnectorConformance;
import dev.signet.connector.testkit.UnresponsiveServer;
import dev.signet.core.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The remote connector passes the conformance kit: Signet's side calls, over HTTPS on real sockets, the embeddable
 * server running the built-in legacy-database connector on a real PostgreSQL. The kit's log check covers both ends,
 * which share this JVM.
 */
class RemoteConnectorConformanceTest extends PasswordConnectorConformance {

    private static final TestKeys KEYS = new TestKeys();
    private static Connector legacyDatabase;
    private static RemoteConnectorServer server;
    private static UnresponsiveServer blackHole;

    @BeforeAll
    static void startDepartmentSide() throws SQLException {
        String jdbcUrl = PostgresTestServer.newEmptyDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE customers (customer_no bigint PRIMARY KEY, login text NOT NULL UNIQUE, pwd text,
                      email text, email_checked boolean NOT NULL DEFAULT false, first_name text, last_name text)""");
            // mkpasswd -m sha512crypt -R 1000 'Tr0ub4dor&3'
            statement.execute("INSERT INTO customers VALUES (1004711, 'margaret.hughes', '$6$rounds=1000$goY/zmB0gIbT"
                    + "vMRJ$UtyOr0EBxiRACM538a6FLW0GwXtiAQvrcs8HX04RlHMk5/qBbeMBxyWbc6SdS7ce0UbbEj7WyVVy48zy9n9cx/', "
                    + "'margaret.hughes@example.org', true, 'Margaret', 'Hughesington')");
            // printf %s 'correct horse battery staple' | openssl dgst -sha1
            statement.execute("INSERT INTO customers VALUES (1000001, 'owen.price', "
                    + "'abf7aad6438836dbe526aa231abde2d0eef74d42', 'owen.price@example.org', false, 'Owen', 'Price')");
        }
        legacyDatabase = new LegacyDatabaseType().open(ConnectorInstance.of("vehicle-tax", "Vehicle tax", "dvla"),
                ConnectorSettings.of(Map.ofEntries(
                        Map.entry("jdbc-url", jdbcUrl),
                        Map.entry("username", "postgres"),
                        Map.entry("table", "customers"),
                        Map.entry("columns.subject", "customer_no"),
                        Map.entry("columns.login", "login"),
                        Map.entry("columns.password-hash", "pwd"),
                        Map.entry("columns.email-verified", "email_checked"),
                        Map.entry("attributes.email", "email"),
                        Map.entry("attributes.given_name", "first_name"),
                        Map.entry("attributes.family_name", "last_name"),
                        Map.entry("connect-timeout", "1s"),
                        Map.entry("query-timeout", "2s"))));
        server = Remote.serve(legacyDatabase, KEYS);
        blackHole = UnresponsiveServer.start();
    }

    @AfterAll
    static void stopDepartmentSide() {
        server.close();
        legacyDatabase.close();
        blackHole.close();
    }

    @Override
    protected PasswordConnector openConnector() {
        return (PasswordConnector) Remote.open(server.address().toString(), KEYS);
    }

    @Override
    protected PasswordConnector openUnreachableConnector() {
        return (PasswordConnector) Remote.open(Remote.urlAt(blackHole.port()), KEYS,
                Map.of("connect-timeout", "1s", "request-timeout", "1s"));
    }

    @Override
    protected KnownUser knownUser() {
        return new KnownUser("margaret.hughes", "Tr0ub4dor&3", "1004711",
                Set.of("margaret.hughes@example.org", "Margaret", "Hughesington"));
    }

    @Override
    protected Duration unavailableWithin() {
        return Duration.ofSeconds(5);
    }
}
