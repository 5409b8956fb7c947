package dev.signet.connector.legacydb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.NotFound;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import dev.signet.connector.legacydb.hash.HashVectors;
import dev.signet.connector.testkit.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LegacyDatabaseConnectorTest {

    private static LegacyDatabase database;
    private final List<Connector> opened = new ArrayList<>();

    @BeforeAll
    static void createLegacyStore() {
        database = LegacyDatabase.create(
                "CREATE TABLE vector_users (id serial PRIMARY KEY, username text UNIQUE, password_hash text, salt text)",
                """
                CREATE TABLE people (person_id uuid PRIMARY KEY, email text NOT NULL, email_confirmed boolean,
                  forename text, surname text, ni_number text)""",
                "CREATE TABLE credentials (person_id uuid REFERENCES people, secret text, retired boolean)",
                """
                INSERT INTO people VALUES
                  ('7d1d8c8e-4c4f-4e8e-9d7a-1c2b3a4d5e6f', 'Rhiannon.Jones@Example.org', true, 'Rhiannon', 'Jones',
                   'QQ123456C'),
                  ('0b6e3f4a-1111-4222-8333-944455566677', 'dai.evans@example.org', false, 'Dai', NULL, NULL)""",
                // printf %s 'Cyfrinair-1' | openssl dgst -sha256; openssl passwd -apr1 'Cyfrinair-2';
                // slappasswd -h '{SSHA}' -s 'Dai-password'
                """
                INSERT INTO credentials VALUES
                  ('7d1d8c8e-4c4f-4e8e-9d7a-1c2b3a4d5e6f',
                   '22a87f9657b7031ce9a205bdee3b9c1709809b1c352b2109792ed5b153fc567e', true),
                  ('7d1d8c8e-4c4f-4e8e-9d7a-1c2b3a4d5e6f', '%s', false),
                  ('0b6e3f4a-1111-4222-8333-944455566677', '%s', false)""".formatted(
                        "$apr1$kt.m1g/p$3nLhl66V5TJl7NPykOgAp0", "{SSHA}J+odnodM3owu9Qksq8e7Dhukz2lv7TDx"));
    }

    @AfterEach
    void closeConnectors() {
        opened.forEach(Connector::close);
    }

    private <C> C open(Map<String, String> settings, Class<C> capability) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("jdbc-url", database.jdbcUrl);
        all.putIfAbsent("username", "postgres");
        Connector connector = new LegacyDatabaseType().open(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"), ConnectorSettings.of(all));
        opened.add(connector);
        return connector.capability(capability).orElseThrow();
    }

    private static SignInOutcome check(PasswordConnector connector, String login, String password) {
        try (Password typed = Password.of(password)) {
            return connector.checkPassword(login, typed);
        }
    }

    @Test
    void everyVectorSignsInThroughTheDatabase() {
        List<HashVectors.Vector> vectors = HashVectors.all();
        Map<Map<String, String>, List<Integer>> bySettings = new LinkedHashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            HashVectors.Vector vector = vectors.get(i);
            database.insert("INSERT INTO vector_users (username, password_hash, salt) VALUES (?, ?, ?)",
                    "user-" + i, vector.hash(), vector.salt().orElse(null));
            bySettings.computeIfAbsent(vector.settings(), s -> new ArrayList<>()).add(i);
        }
        int checked = 0;
        for (Map.Entry<Map<String, String>, List<Integer>> group : bySettings.entrySet()) {
            Map<String, String> settings = new HashMap<>(group.getKey());
            settings.put("table", "vector_users");
            settings.put("columns.salt", "salt");
            PasswordConnector connector = open(settings, PasswordConnector.class);
            for (int i : group.getValue()) {
                HashVectors.Vector vector = vectors.get(i);
                SignInOutcome right = check(connector, "user-" + i, vector.password());
                assertThat(right).as("%s", vector).isInstanceOf(Authenticated.class);
                assertThat(((Authenticated) right).identity().subject()).isEqualTo(String.valueOf(i + 1));
                assertThat(check(connector, "user-" + i, vector.password() + "!")).as("%s", vector)
                        .isInstanceOf(InvalidCredentials.class);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(vectors.size()).isGreaterThan(200);
    }

    private Map<String, String> peopleQuery() {
        Map<String, String> settings = new HashMap<>();
        settings.put("query", """
                SELECT p.person_id, p.email, p.email_confirmed, p.forename, p.surname, p.ni_number, c.secret
                FROM people p JOIN credentials c ON c.person_id = p.person_id AND NOT c.retired""");
        settings.put("columns.subject", "person_id");
        settings.put("columns.login", "email");
        settings.put("columns.password-hash", "secret");
        settings.put("columns.email-verified", "email_confirmed");
        settings.put("attributes.email", "email");
        settings.put("attributes.given_name", "forename");
        settings.put("attributes.family_name", "surname");
        settings.put("verified-attributes.ni_number", "ni_number");
        settings.put("login-match", "case-insensitive");
        return settings;
    }

    @Test
    void aQueryJoiningTablesMapsSubjectAndAttributes() {
        PasswordConnector connector = open(peopleQuery(), PasswordConnector.class);
        SignInOutcome outcome = check(connector, "rhiannon.jones@example.org", "Cyfrinair-2");
        assertThat(outcome).isInstanceOf(Authenticated.class);
        LegacyIdentity identity = ((Authenticated) outcome).identity();
        assertThat(identity.connectorId()).isEqualTo("council-tax");
        assertThat(identity.subject()).isEqualTo("7d1d8c8e-4c4f-4e8e-9d7a-1c2b3a4d5e6f");
        assertThat(identity.verifiedAttributes()).isEqualTo(Map.of("email", "Rhiannon.Jones@Example.org",
                "ni_number", "QQ123456C"));
        assertThat(identity.unverifiedAttributes()).isEqualTo(Map.of("given_name", "Rhiannon", "family_name", "Jones"));
    }

    @Test
    void anUnconfirmedEmailStaysUnverifiedAndMissingValuesAreLeftOut() {
        PasswordConnector connector = open(peopleQuery(), PasswordConnector.class);
        SignInOutcome outcome = check(connector, "DAI.EVANS@example.org", "Dai-password");
        assertThat(outcome).isInstanceOf(Authenticated.class);
        LegacyIdentity identity = ((Authenticated) outcome).identity();
        assertThat(identity.verifiedAttributes()).isEmpty();
        assertThat(identity.unverifiedAttributes()).isEqualTo(Map.of("email", "dai.evans@example.org",
                "given_name", "Dai"));
    }

    @Test
    void aRetiredPasswordNoLongerSignsIn() {
        PasswordConnector connector = open(peopleQuery(), PasswordConnector.class);
        assertThat(check(connector, "rhiannon.jones@example.org", "Cyfrinair-1")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void exactLoginMatchingIsCaseSensitive() {
        Map<String, String> settings = peopleQuery();
        settings.put("login-match", "exact");
        PasswordConnector connector = open(settings, PasswordConnector.class);
        assertThat(check(connector, "rhiannon.jones@example.org", "Cyfrinair-2")).isInstanceOf(InvalidCredentials.class);
        assertThat(check(connector, "Rhiannon.Jones@Example.org", "Cyfrinair-2")).isInstanceOf(Authenticated.class);
    }

    @Test
    void lookUpBySubjectOfAUuidColumnAndByLogin() {
        LookupConnector connector = open(peopleQuery(), LookupConnector.class);
        assertThat(connector.lookUp(UserKey.subject("7d1d8c8e-4c4f-4e8e-9d7a-1c2b3a4d5e6f")))
                .isInstanceOf(Found.class);
        assertThat(connector.lookUp(UserKey.subject("not-a-uuid"))).isInstanceOf(NotFound.class);
        assertThat(connector.lookUp(UserKey.loginName("dai.evans@example.org")).found().orElseThrow().subject())
                .isEqualTo("0b6e3f4a-1111-4222-8333-944455566677");
    }

    @Test
    void sqlInLoginNamesIsJustText() {
        PasswordConnector connector = open(peopleQuery(), PasswordConnector.class);
        assertThat(check(connector, "' OR '1'='1", "Cyfrinair-2")).isInstanceOf(InvalidCredentials.class);
        assertThat(check(connector, "x' OR 1=1 --", "Dai-password")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void unreadableAndMissingHashesAreInvalidCredentialsAndTheOperatorIsToldWithoutPersonalData() {
        database.execute("""
                CREATE TABLE broken (id text PRIMARY KEY, username text, password_hash text);
                INSERT INTO broken VALUES ('b-1', 'gwen.broken', '$6$salt$truncated'),
                                          ('b-2', 'huw.nopassword', NULL),
                                          ('b-3', 'twin', '{SHA}qbGF9YtMG2CqLrO4zfGXGsaGomg='),
                                          ('b-4', 'TWIN', '{SHA}qbGF9YtMG2CqLrO4zfGXGsaGomg=')""");
        Map<String, String> settings = Map.of("table", "broken", "login-match", "case-insensitive");
        PasswordConnector connector = open(settings, PasswordConnector.class);
        try (LogCapture logs = LogCapture.start(LogCapture.Detail.DEBUG)) {
            assertThat(check(connector, "gwen.broken", "anything")).isInstanceOf(InvalidCredentials.class);
            assertThat(check(connector, "huw.nopassword", "anything")).isInstanceOf(InvalidCredentials.class);
            // slappasswd -h '{SHA}' -s 'Twin-password'; two rows match case-insensitively: refused
            assertThat(check(connector, "twin", "Twin-password")).isInstanceOf(InvalidCredentials.class);
            assertThat(logs.text()).contains("council-tax", "malformed sha512-crypt hash", "more than one user")
                    .doesNotContain("gwen", "huw", "twin", "TWIN", "anything", "b-1", "b-3");
        }
    }

    @Test
    void aClosedPortIsUnavailableNamingNoPersonalData() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PasswordConnector connector = open(Map.of("table", "users", "connect-timeout", "500ms",
                "jdbc-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/legacy"), PasswordConnector.class);
        SignInOutcome outcome = check(connector, "someone@example.org", "secret");
        assertThat(outcome).isEqualTo(new Unavailable("no database connection within PT0.5S"));
    }

    @Test
    void aMissingTableIsUnavailableWithItsSqlState() {
        PasswordConnector connector = open(Map.of("table", "no_such_table"), PasswordConnector.class);
        SignInOutcome outcome = check(connector, "someone@example.org", "secret");
        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) outcome).reason()).contains("42P01").doesNotContain("someone");
    }

    @Test
    void aQueryCancelledAtTheQueryTimeoutIsUnavailableSayingSo() {
        // PostgreSQL reports a statement cancelled at its timeout as SQLSTATE 57014, not as an SQLTimeoutException.
        database.execute("""
                CREATE TABLE slow_users (id text PRIMARY KEY, username text, password_hash text);
                INSERT INTO slow_users VALUES ('s-1', 'sian.slow', '{SHA}qbGF9YtMG2CqLrO4zfGXGsaGomg=')""");
        PasswordConnector connector = open(Map.of("query", "SELECT s.*, pg_sleep(3) AS slow FROM slow_users s",
                "query-timeout", "1s"), PasswordConnector.class);
        SignInOutcome outcome = check(connector, "sian.slow", "Twin-password");
        assertThat(outcome).isEqualTo(new Unavailable("database query took longer than PT1S"));
    }
}
