package dev.signet.connector.legacydb;

import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.testkit.KnownUser;
import dev.signet.connector.testkit.PasswordConnectorConformance;
import dev.signet.connector.testkit.UnresponsiveServer;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The legacy database connector passes the connector conformance kit against a real PostgreSQL. */
class LegacyDatabaseConformanceTest extends PasswordConnectorConformance {

    private static LegacyDatabase database;
    private static UnresponsiveServer blackHole;

    @BeforeAll
    static void createLegacyUsers() {
        database = LegacyDatabase.create("""
                CREATE TABLE customers (
                  customer_no bigint PRIMARY KEY,
                  login text NOT NULL UNIQUE,
                  pwd text,
                  email text,
                  email_checked boolean NOT NULL DEFAULT false,
                  first_name text,
                  last_name text)""");
        // mkpasswd -m sha512crypt -R 1000 'Tr0ub4dor&3'
        database.insert("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)", 1004711L, "margaret.hughes",
                "$6$rounds=1000$goY/zmB0gIbTvMRJ$UtyOr0EBxiRACM538a6FLW0GwXtiAQvrcs8HX04RlHMk5/qBbeMBxyWbc6SdS7ce0"
                        + "UbbEj7WyVVy48zy9n9cx/", "margaret.hughes@example.org", true, "Margaret", "Hughesington");
        // printf %s 'correct horse battery staple' | openssl dgst -sha1
        database.insert("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)", 1000001L, "owen.price",
                "abf7aad6438836dbe526aa231abde2d0eef74d42", "owen.price@example.org", false, "Owen", "Price");
        database.insert("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)", 1009999L, "no.password", null,
                null, false, null, null);
        blackHole = UnresponsiveServer.start();
    }

    @AfterAll
    static void stopBlackHole() {
        blackHole.close();
    }

    private static PasswordConnector open(String jdbcUrl) {
        return (PasswordConnector) new LegacyDatabaseType().open(
                ConnectorInstance.of("vehicle-tax", "Vehicle tax account", "dvla"),
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
    }

    @Override
    protected PasswordConnector openConnector() {
        return open(database.jdbcUrl);
    }

    @Override
    protected PasswordConnector openUnreachableConnector() {
        return open("jdbc:postgresql://127.0.0.1:" + blackHole.port() + "/legacy");
    }

    @Override
    protected KnownUser knownUser() {
        return new KnownUser("margaret.hughes", "Tr0ub4dor&3", "1004711",
                Set.of("margaret.hughes@example.org", "Margaret", "Hughesington"));
    }
}
