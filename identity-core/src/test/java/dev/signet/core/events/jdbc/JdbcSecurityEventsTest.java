package dev.signet.core.events.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import dev.signet.core.events.AccountEvent;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.events.SecurityEventDelivery;
import dev.signet.core.logout.LogoutOutboxContract.MutableClock;
import dev.signet.core.testing.PostgresTestServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The security-event outbox, the issued-subjects record and {@link RelyingPartyEvents} on a real PostgreSQL. */
class JdbcSecurityEventsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private DataSource dataSource;
    private JdbcSecurityEventOutbox outbox;
    private JdbcIssuedSubjects subjects;
    private JdbcRelyingPartyRepository relyingParties;
    private RelyingPartyEvents events;

    @BeforeEach
    void freshDatabase() {
        dataSource = PostgresTestServer.newMigratedDatabase();
        outbox = new JdbcSecurityEventOutbox(dataSource, clock);
        subjects = new JdbcIssuedSubjects(dataSource, clock);
        relyingParties = new JdbcRelyingPartyRepository(dataSource, clock);
        events = new RelyingPartyEvents(subjects, relyingParties, outbox);
    }

    @Test
    void aMergeIsQueuedForEveryRelyingPartyWithAnEventsEndpointThatKnewTheMergedAccount() {
        UUID from = account();
        UUID to = account();
        relyingParty("knew-it", true);
        relyingParty("knew-it-no-endpoint", false);
        relyingParty("never-knew-it", true);
        subjects.record(from, List.of("knew-it", "knew-it-no-endpoint"));
        subjects.record(to, List.of("never-knew-it"));

        List<String> told = events.accountsMerged(from, to);

        assertThat(told).containsExactly("knew-it");
        List<SecurityEventDelivery> claimed = outbox.claimDue(10, LEASE);
        assertThat(claimed).singleElement().satisfies(delivery -> {
            assertThat(delivery.clientId()).isEqualTo("knew-it");
            assertThat(delivery.event()).isEqualTo(new AccountEvent.AccountsMerged(from, to));
            assertThat(delivery.attempt()).isEqualTo(1);
            assertThat(delivery.createdAt()).isEqualTo(clock.instant());
        });
        assertThat(subjects.clientsThatKnow(to)).as("told of the new sub, so it knows it now")
                .containsExactly("knew-it", "never-knew-it");
    }

    @Test
    void anUnlinkKeepsTheLegacyIdentityAndSharesOneTxnAcrossRelyingParties() {
        UUID account = account();
        relyingParty("rp-a", true);
        relyingParty("rp-b", true);
        subjects.record(account, List.of("rp-a", "rp-b"));
        subjects.record(account, List.of("rp-a"));

        assertThat(events.legacyIdentityUnlinked(account, "vehicle-tax", "CUST-1")).containsExactly("rp-a", "rp-b");

        List<SecurityEventDelivery> claimed = outbox.claimDue(10, LEASE);
        assertThat(claimed).extracting(SecurityEventDelivery::event).containsOnly(
                new AccountEvent.LegacyIdentityUnlinked(account, "vehicle-tax", "CUST-1"));
        assertThat(claimed).extracting(SecurityEventDelivery::txn).hasSize(2).containsOnly(claimed.get(0).txn());
        assertThat(claimed).extracting(SecurityEventDelivery::id).doesNotHaveDuplicates();
    }

    @Test
    void nothingIsQueuedWhenTheCallersTransactionRollsBack() {
        UUID from = account();
        UUID to = account();
        relyingParty("rp-rollback", true);
        subjects.record(from, List.of("rp-rollback"));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            events.accountsMerged(from, to);
            throw new IllegalStateException("the merge failed");
        })).hasMessage("the merge failed");

        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        assertThat(subjects.clientsThatKnow(to)).isEmpty();
    }

    @Test
    void aFailedAttemptIsRetriedFromItsRetryTimeAndFinishedDeliveriesAreNeverClaimedAgain() {
        UUID account = account();
        relyingParty("rp-retry", true);
        relyingParty("rp-fail", true);
        subjects.record(account, List.of("rp-retry", "rp-fail"));
        events.legacyIdentityUnlinked(account, "council-tax", "42");
        List<SecurityEventDelivery> first = outbox.claimDue(10, LEASE);
        SecurityEventDelivery retried = first.stream().filter(d -> d.clientId().equals("rp-retry")).findFirst()
                .orElseThrow();
        SecurityEventDelivery failed = first.stream().filter(d -> d.clientId().equals("rp-fail")).findFirst()
                .orElseThrow();

        outbox.retryLater(retried.id(), clock.instant().plusSeconds(60), "HTTP 503");
        outbox.markFailed(failed.id(), "invalid_request: bad token");
        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        List<SecurityEventDelivery> second = outbox.claimDue(10, LEASE);
        assertThat(second).extracting(SecurityEventDelivery::id).containsExactly(retried.id());
        assertThat(second.get(0).attempt()).isEqualTo(2);

        outbox.markDelivered(retried.id());
        clock.advance(LEASE.multipliedBy(10));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        assertThat(JdbcClient.create(dataSource).sql("SELECT last_error FROM security_event_delivery WHERE id = ?")
                .param(failed.id()).query(String.class).single()).isEqualTo("invalid_request: bad token");
        assertThat(outbox.deleteFinishedBefore(clock.instant())).isEqualTo(2);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameDelivery() throws Exception {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            relyingParty("rp-" + i, true);
            clients.add("rp-" + i);
        }
        UUID account = account();
        subjects.record(account, clients);
        events.legacyIdentityUnlinked(account, "vehicle-tax", "CUST-2");
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<SecurityEventDelivery>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> outbox.claimDue(5, LEASE));
            }
            List<String> claimed = new ArrayList<>();
            for (Future<List<SecurityEventDelivery>> result : workers.invokeAll(claims)) {
                result.get().forEach(delivery -> claimed.add(delivery.clientId()));
            }
            assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void anErasedAccountTakesItsIssuedSubjectsWithIt() {
        UUID account = account();
        subjects.record(account, List.of("rp-erased"));

        JdbcClient.create(dataSource).sql("DELETE FROM account WHERE id = ?").param(account).update();

        assertThat(subjects.clientsThatKnow(account)).isEmpty();
    }

    private UUID account() {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        new JdbcAccountRepository(dataSource, clock).create(new Account(id, id + "@example.com", true, Optional.empty(),
                AccountStatus.ACTIVE, now, now));
        return id;
    }

    private void relyingParty(String clientId, boolean eventsEndpoint) {
        relyingParties.save(new RelyingParty(clientId, "Service " + clientId,
                List.of(URI.create("https://" + clientId + ".example/callback")), List.of(), Optional.empty(),
                TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                clientId + ".example", SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"),
                Set.of(), List.of("Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.FILE)
                .withSecurityEvents(eventsEndpoint ? Optional.of(URI.create("https://" + clientId + ".example/events"))
                        : Optional.empty(), Optional.empty()));
    }
}
