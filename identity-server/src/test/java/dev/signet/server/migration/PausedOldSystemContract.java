package dev.signet.server.migration;

import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An old system that stops answering, for real: a subclass pauses a server process the old system needs (SIGSTOP;
 * the kernel still accepts connections, nothing answers). Its calls end at the connector's timeouts, then its circuit
 * breaker opens and citizens are told at once, without a call, that the old system is unavailable; Signet's own
 * sign-in and another old system keep working; once the server runs again (SIGCONT) a probe closes the breaker and
 * signing in with the old account works again, with no restart. No durations are asserted: the test waits on
 * conditions (the breaker opening, a call refused, a sign-in succeeding).
 *
 * <p>The paused connector is {@value #CONNECTOR}, "Paused records account", whose users are in a {@code records_users}
 * table ({@link #createRecordsTable}); the other is the migration tests' {@code vehicle-tax}, which keeps answering.
 */
abstract class PausedOldSystemContract extends JourneyIntegrationTest {

    static final String CONNECTOR = "paused-records";
    /** Attempts made while waiting on a condition: each is a sign-in or a health read, bounded by the timeouts. */
    private static final int MAX_ATTEMPTS = 60;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Settings for both connectors files; each subclass names its file and the paused system's address. */
    @DynamicPropertySource
    static void breakerSettings(DynamicPropertyRegistry registry) {
        registry.add("test.legacy.jdbc-url", LegacyUserTables::legacyDatabase);
        registry.add("signet.connectors.circuit-breaker.failure-threshold", () -> "2");
        // The test signs in with one old login name many times while it waits: no attempt limit may stop it.
        registry.add("signet.protection.sign-in.account.free-attempts", () -> "1000");
        registry.add("signet.protection.sign-in.account.lockout-after", () -> "2000");
        // Short, so that the test sees the probe after the server is back; the waits below hold on a busy machine.
        registry.add("signet.connectors.circuit-breaker.open-for", () -> "2s");
    }

    /** Stops the old system's server process (SIGSTOP): it keeps its connections and port, and answers nothing. */
    protected abstract void pauseOldSystem();

    /** Lets it run again (SIGCONT). */
    protected abstract void resumeOldSystem();

    /** A connection to the database the paused connector reads its users from (while it runs). */
    protected abstract Connection connectToRecords() throws SQLException;

    @Test
    void aPausedOldSystemOpensItsBreakerOtherSignInsGoOnAndItClosesWhenTheServerRunsAgain() throws Exception {
        String before = recordsUser("before");
        // A cold old system (a process just started, a busy machine) may miss its first timeouts: wait for an answer.
        awaitTrue("the old system answering before the pause",
                () -> oldAccountSignIn(browser(), CONNECTOR, before, LEGACY_PASSWORD).status() == 302);
        assertThat(breaker(CONNECTOR)).isEqualTo("closed");
        String during = recordsUser("during");
        String otherLogin = "other-" + UUID.randomUUID().toString().substring(0, 8);
        LegacyUserTables.legacyUser("vehicle_tax_users", otherLogin, BCRYPT, uniqueEmail("other"), true);
        String email = uniqueEmail("signet");
        existingAccount(email, "a Signet password of my own", AccountStatus.ACTIVE);
        double opened = counter("signet.connectors.circuit.opened");
        double refused = counter("signet.connectors.circuit.refused");

        pauseOldSystem();
        try {
            // Two calls end at the connector's timeouts: the citizen gets the plain page, in English and in Welsh.
            TestBrowser.Page timedOut = oldAccountSignIn(browser(), CONNECTOR, during, LEGACY_PASSWORD);
            assertThat(timedOut.status()).isEqualTo(200);
            assertThat(timedOut.body()).contains("Sorry, we cannot check your old account right now")
                    .contains("The Paused records account system is not answering").contains("Sign in another way");
            TestBrowser.Page welsh = oldAccountSignIn(browser().acceptLanguage("cy"), CONNECTOR, during,
                    LEGACY_PASSWORD);
            assertThat(welsh.body()).contains("ni allwn wirio eich hen gyfrif ar hyn o bryd")
                    .contains("Cyfrif cofnodion wedi rhewi");
            assertThat(counter("signet.connectors.circuit.opened")).isEqualTo(opened + 1);
            awaitTrue("the breaker reported open", () -> "open".equals(breaker(CONNECTOR)));

            // Open: the next sign-ins are answered without calling the old system (counted as refused); a probe
            // after the cool-down meets the paused server and opens it again, so wait for one refusal.
            awaitTrue("a sign-in refused by the open breaker", () -> {
                TestBrowser.Page page = oldAccountSignIn(browser(), CONNECTOR, during, LEGACY_PASSWORD);
                assertThat(page.body()).contains("Sorry, we cannot check your old account right now");
                return counter("signet.connectors.circuit.refused") > refused;
            });

            // Meanwhile Signet's own sign-in and the other old system are untouched.
            TestBrowser.Page own = signIn(browser(), email, "a Signet password of my own");
            assertThat(own.status()).isEqualTo(302);
            assertThat(own.location()).endsWith("/account");
            assertThat(oldAccountSignIn(browser(), "vehicle-tax", otherLogin, LEGACY_PASSWORD).status())
                    .isEqualTo(302);
            assertThat(breaker("vehicle-tax")).isEqualTo("closed");
        } finally {
            resumeOldSystem();
        }

        // Running again: once the cool-down is over, a probe gets through and closes the breaker.
        awaitTrue("the old system answering again", () -> oldAccountSignIn(browser(), CONNECTOR, during,
                LEGACY_PASSWORD).status() == 302);
        assertThat(breaker(CONNECTOR)).isEqualTo("closed");
    }

    @Test
    void everyConnectorReportsItsBreakerInTheOldSystemsHealthGroupWhichIsNotPartOfReadiness() throws Exception {
        JsonNode health = health("/actuator/health/old-systems");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("connectors").path("details").propertyNames())
                .containsExactly(CONNECTOR, "vehicle-tax");
        assertThat(health("/actuator/health/readiness").path("components").has("connectors")).isFalse();
    }

    private TestBrowser.Page oldAccountSignIn(TestBrowser browser, String connectorId, String login, String password)
            throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", connectorId));
        TestBrowser.Page form = browser.get(chosen.location());
        return browser.submit(form, "/sign-in/old-account/sign-in", Map.of("loginName", login, "password", password));
    }

    private String breaker(String connectorId) throws Exception {
        return health("/actuator/health/old-systems").path("components").path("connectors").path("details")
                .path(connectorId).path("circuitBreaker").asString();
    }

    private JsonNode health(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("connector", CONNECTOR).counter();
        return counter == null ? 0 : counter.count();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Condition condition) throws Exception {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Gave up waiting for " + what);
    }

    /** A user of the paused old system, with a vouched email, who can sign in with the legacy password. */
    private String recordsUser(String who) throws Exception {
        String login = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = connectToRecords(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO records_users (id, username, password_hash, email, email_checked) "
                        + "VALUES (?, ?, ?, ?, true)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, login);
            insert.setString(3, BCRYPT);
            insert.setString(4, uniqueEmail(who));
            insert.executeUpdate();
        }
        return login;
    }

    /** The paused connector's table of users, in the database {@code connection} is to. */
    static void createRecordsTable(Connection connection) {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS records_users (id text PRIMARY KEY, username text NOT NULL "
                    + "UNIQUE, password_hash text, email text, email_checked boolean NOT NULL DEFAULT false)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
