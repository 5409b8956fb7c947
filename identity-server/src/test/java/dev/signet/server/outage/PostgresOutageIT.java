package dev.signet.server.outage;

import static dev.signet.server.outage.OutageChecks.assertNotReadyWith;
import static dev.signet.server.outage.OutageChecks.assertServiceUnavailablePage;
import static dev.signet.server.outage.OutageChecks.assertSignInCompletesOnceReady;
import static dev.signet.server.outage.OutageChecks.assertTokenEndpointTemporarilyUnavailable;
import static dev.signet.server.outage.OutageChecks.atPasswordStep;
import static dev.signet.server.outage.OutageChecks.submitPassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.ChainVerification;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.StoppablePostgresServer;
import dev.signet.server.testing.TestBrowser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL is stopped for real (fast shutdown of its server process) while the server runs, then started again on
 * the same port with the same data: requests fail cleanly with a 503, readiness says not ready, the connection pool
 * recovers by itself, and a multi-row change cut off by the stop leaves none of its rows behind. Not a
 * {@code ServerIntegrationTest}: that base points every server at the JVM-wide database, which must keep running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PostgresOutageIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final StoppablePostgresServer POSTGRES = StoppablePostgresServer.startOnFreePort();
    /** application_name of the connections the test takes to fill PostgreSQL. */
    private static final String FILLER = "outage-test-filler";

    @LocalServerPort
    private int port;

    @Autowired
    private AuditLog auditLog;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private PasswordHasher hasher;

    @Value("${spring.datasource.url}")
    private String serverDatabase;

    @DynamicPropertySource
    static void stoppablePostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
    }

    @AfterEach
    void postgresIsBack() throws Exception {
        POSTGRES.start();
        ServiceSignIn.awaitReadiness(baseUrl(), 200);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.stopAndDelete();
    }

    @Test
    void theServerUsesTheDatabaseThisTestStops() {
        assertThat(serverDatabase).isEqualTo(POSTGRES.jdbcUrl());
    }

    @Test
    void whilePostgresIsDownPeopleAndClientsGetA503AndReadinessSaysNotReady() throws Exception {
        String email = uniqueEmail("postgres-outage");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        TestBrowser.Page passwordPage = atPasswordStep(browser, email);

        POSTGRES.stop();

        assertServiceUnavailablePage(submitPassword(browser, passwordPage, PASSWORD), "Exception", "SQL");
        assertTokenEndpointTemporarilyUnavailable(baseUrl());
        assertNotReadyWith(baseUrl(), "db");
    }

    @Test
    void whenPostgresIsBackThePoolRecoversAndASignInCompletesWithoutRestartingTheServer() throws Exception {
        String email = uniqueEmail("postgres-outage-resume");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        POSTGRES.stop();
        assertThat(browser().signIn(email, PASSWORD).status()).isEqualTo(503);

        POSTGRES.start();

        assertSignInCompletesOnceReady(baseUrl(), email, PASSWORD);
    }

    /**
     * A PostgreSQL that hangs rather than stops (its processes paused with SIGSTOP: the kernel still accepts
     * connections, nothing answers). A request waits no longer than the pool's connection timeout for a new
     * connection, or the driver's socket timeout on one it holds, then gets the same 503; when the processes run again
     * (SIGCONT) the pool serves again without a restart.
     */
    @Test
    void whilePostgresIsPausedRequestsEndWithA503AndThePoolRecoversWhenItRunsAgain() throws Exception {
        String email = uniqueEmail("postgres-paused");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        TestBrowser.Page passwordPage = atPasswordStep(browser, email);

        POSTGRES.pause();
        try {
            assertServiceUnavailablePage(submitPassword(browser, passwordPage, PASSWORD), "Exception", "SQL");
            assertTokenEndpointTemporarilyUnavailable(baseUrl());
            assertNotReadyWith(baseUrl(), "db");
        } finally {
            POSTGRES.resume();
        }

        assertSignInCompletesOnceReady(baseUrl(), email, PASSWORD);
    }

    /**
     * PostgreSQL's connections are all taken (by the test, as by a runaway client or another service sharing the
     * server): the server's own are ended, and its pool can open no new one (SQLSTATE 53300). Requests get the clean
     * 503 after the pool's connection timeout; once connections are free again the pool refills by itself.
     */
    @Test
    void whenPostgresHasNoConnectionLeftRequestsGetA503AndThePoolRefillsOnceSomeAreFree() throws Exception {
        String email = uniqueEmail("postgres-full");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        TestBrowser.Page passwordPage = atPasswordStep(browser, email);

        List<Connection> taken = new ArrayList<>(POSTGRES.takeEveryFreeConnection(FILLER));
        try {
            // End the server's connections and take each slot they free; its pool may win a slot back in between
            // (it reconnects when it finds a connection dead), so repeat until it holds none.
            for (int round = 0; serverConnections(taken.get(0)) > 0; round++) {
                assertThat(round).as("rounds to take the server's connections").isLessThan(50);
                try (Statement terminate = taken.get(0).createStatement()) {
                    terminate.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = "
                            + "'client backend' AND application_name <> '" + FILLER + "'");
                }
                taken.addAll(POSTGRES.takeEveryFreeConnection(FILLER));
            }

            assertServiceUnavailablePage(submitPassword(browser, passwordPage, PASSWORD), "SQL");
            assertTokenEndpointTemporarilyUnavailable(baseUrl());
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertSignInCompletesOnceReady(baseUrl(), email, PASSWORD);
    }

    /** Client connections to PostgreSQL other than the test's own fillers (the server's pool). */
    private static long serverConnections(Connection observer) throws Exception {
        try (Statement statement = observer.createStatement(); ResultSet count = statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name <> '"
                        + FILLER + "'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Appending to the audit log writes one row per event and moves the chain head, in one transaction. The test's
     * own uncommitted row holds the second event's sequence number, so the append stops half-way (first row written,
     * waiting on the second) until PostgreSQL is killed under it (immediate shutdown: a fast one rolls the test's row
     * back first, and on a loaded machine the waiting append could then commit before its own turn). After recovery
     * none of its rows exist and the chain is intact.
     */
    @Test
    void anAuditAppendCutOffByACrashLeavesNoneOfItsRows() throws Exception {
        String component = "outage-test-" + UUID.randomUUID();
        List<AuditEvent> events = List.of(event(component), event(component), event(component));
        CompletableFuture<?> append;
        try (Connection blocker = POSTGRES.connect()) {
            blocker.setAutoCommit(false);
            long head = headSeq(blocker);
            try (PreparedStatement hold = blocker.prepareStatement("""
                    INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, event_type, prev_hash, hash)
                    VALUES (?, now(), 'SYSTEM', 'outage-test-blocker', 'test', repeat('0', 64), repeat('0', 64))""")) {
                hold.setLong(1, head + 2);
                hold.executeUpdate();
            }
            append = CompletableFuture.runAsync(() -> auditLog.appendAll(events));
            awaitAppendWaitingOnTheBlocker();

            POSTGRES.crash();
        }

        Throwable failure = catchThrowable(() -> append.get(60, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(BackingService.outageBehind(failure)).as(causes(failure)).contains(BackingService.POSTGRESQL);

        POSTGRES.start();
        try (Connection check = POSTGRES.connect(); PreparedStatement rows = check.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE actor_id IN (?, 'outage-test-blocker')")) {
            rows.setString(1, component);
            try (ResultSet count = rows.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).isZero();
            }
        }
        ServiceSignIn.awaitReadiness(baseUrl(), 200);
        assertThat(auditLog.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private TestBrowser browser() {
        return new TestBrowser(baseUrl());
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private void existingAccount(String email, String password, AccountStatus status) {
        Instant now = Instant.now();
        accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(password)), status, now,
                now));
    }

    private static AuditEvent event(String component) {
        return AuditEvent.of(Instant.now(), Actor.system(component), AuditEventType.ACCOUNT_CREATED, Optional.empty(),
                AuditOrigin.NONE);
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(cause).append(cause instanceof java.sql.SQLException sql ? " [" + sql.getSQLState() + "]" : "")
                    .append('\n');
        }
        return chain.toString();
    }

    private static long headSeq(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT last_seq FROM audit_chain_head")) {
            head.next();
            return head.getLong(1);
        }
    }

    /** Until PostgreSQL reports a session waiting on a lock to insert into audit_entry; the bound guards a hang. */
    private static void awaitAppendWaitingOnTheBlocker() throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        try (Connection observer = POSTGRES.connect(); PreparedStatement waiting = observer.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO audit_entry%'""")) {
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
        throw new AssertionError("The audit append never reached its second row");
    }
}
