package dev.signet.server.migration;

import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.StoppablePostgresServer;
import dev.signet.server.testing.TestBrowser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Making an account from an old one writes two rows (the account, then its link to the legacy identity) in one
 * transaction. Here PostgreSQL goes down for real between the two: the test holds an uncommitted row with the same
 * legacy identity, so the sign-up waits on its second insert with the first written; then the server is killed
 * (immediate shutdown, as when its host fails). The citizen gets the 503 page, no account and no link remain after
 * recovery, and once PostgreSQL is back the same sign-in makes both. Not a fast shutdown: that rolls the test's
 * transaction back first, releasing its row, and on a loaded machine the waiting sign-up could then finish and commit
 * before its own turn to be rolled back (a complete account, but not the cut this test is about). Not a
 * {@code ServerIntegrationTest}: its store of record is a PostgreSQL of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MigrationCutOffIT {

    private static final StoppablePostgresServer POSTGRES = StoppablePostgresServer.startOnFreePort();

    @LocalServerPort
    private int port;

    @Autowired
    private AccountRepository accounts;

    @DynamicPropertySource
    static void stoppablePostgresAndOldSystems(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        LegacyUserTables.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.stopAndDelete();
    }

    @Test
    void anAccountFromAnOldOneCutOffBetweenItsTwoRowsLeavesNeither() throws Exception {
        String login = "cut-off-" + UUID.randomUUID().toString().substring(0, 8);
        String email = login + "@example.com";
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        Instant now = Instant.now();
        Account holder = accounts.create(new Account(UUID.randomUUID(), "holder-" + email, true, Optional.empty(),
                AccountStatus.ACTIVE, now, now));

        CompletableFuture<TestBrowser.Page> signIn;
        try (Connection blocker = POSTGRES.connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("""
                    INSERT INTO linked_legacy_identity (account_id, connector_id, legacy_subject, linked_at, linked_by)
                    VALUES (?, 'vehicle-tax', ?, now(), 'test-blocker')""")) {
                hold.setObject(1, holder.id());
                hold.setString(2, subject);
                hold.executeUpdate();
            }
            signIn = CompletableFuture.supplyAsync(() -> oldAccountSignIn(login));
            awaitLinkInsertWaitingOnTheBlocker();

            POSTGRES.crash();
        }

        TestBrowser.Page answer = signIn.get(2, TimeUnit.MINUTES);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("Sorry, the service is unavailable").doesNotContain("SQL");

        POSTGRES.start();
        assertThat(count("SELECT count(*) FROM account WHERE email = ?", email)).as("accounts").isZero();
        assertThat(count("SELECT count(*) FROM linked_legacy_identity WHERE legacy_subject = ?", subject))
                .as("links").isZero();

        ServiceSignIn.awaitReadiness("http://localhost:" + port, 200);
        TestBrowser.Page again = oldAccountSignIn(login);
        assertThat(again.status()).as(again.toString()).isEqualTo(302);
        assertThat(count("SELECT count(*) FROM account WHERE email = ?", email)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM linked_legacy_identity WHERE legacy_subject = ?", subject))
                .isEqualTo(1);
    }

    private TestBrowser.Page oldAccountSignIn(String login) {
        try {
            TestBrowser browser = new TestBrowser("http://localhost:" + port);
            TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                    Map.of("connector", "vehicle-tax"));
            TestBrowser.Page form = browser.get(chosen.location());
            return browser.submit(form, "/sign-in/old-account/sign-in",
                    Map.of("loginName", login, "password", LEGACY_PASSWORD));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, String value) throws Exception {
        try (Connection connection = POSTGRES.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Until PostgreSQL reports a session waiting on a lock to insert the link; the bound guards a hang. */
    private static void awaitLinkInsertWaitingOnTheBlocker() throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        try (Connection observer = POSTGRES.connect(); PreparedStatement waiting = observer.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO linked_legacy_identity%'""")) {
            while (Instant.now().isBefore(giveUp)) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The sign-up never reached its link insert");
    }
}
