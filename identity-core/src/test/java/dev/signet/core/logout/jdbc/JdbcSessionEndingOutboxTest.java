package dev.signet.core.logout.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.logout.LogoutOutboxContract.MutableClock;
import dev.signet.core.logout.SessionEnding;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSessionEndingOutboxTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private JdbcSessionEndingOutbox outbox;

    @BeforeEach
    void freshDatabase() {
        outbox = new JdbcSessionEndingOutbox(PostgresTestServer.newMigratedDatabase(), clock);
    }

    @Test
    void aQueuedCommandIsClaimedOnceAndForgottenWhenCarriedOut() {
        UUID account = UUID.randomUUID();
        outbox.enqueue(account, SessionEndingReason.ERASURE);

        List<SessionEnding> claimed = outbox.claimDue(10, LEASE);

        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).accountId()).isEqualTo(account);
        assertThat(claimed.get(0).reason()).isEqualTo(SessionEndingReason.ERASURE);
        assertThat(claimed.get(0).sessionSid()).as("every session").isEmpty();
        assertThat(claimed.get(0).attempt()).isEqualTo(1);
        assertThat(outbox.claimDue(10, LEASE)).as("leased to the first worker").isEmpty();
        assertThat(outbox.pendingFor(account)).isEqualTo(1);

        outbox.completed(claimed.get(0).id());

        assertThat(outbox.pendingFor(account)).isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void aCommandToEndOneSessionNamesItsSid() {
        UUID account = UUID.randomUUID();
        outbox.enqueueOne(account, "one-session-sid", SessionEndingReason.OPERATOR);

        List<SessionEnding> claimed = outbox.claimDue(10, LEASE);

        assertThat(claimed).singleElement().satisfies(command -> {
            assertThat(command.accountId()).isEqualTo(account);
            assertThat(command.reason()).isEqualTo(SessionEndingReason.OPERATOR);
            assertThat(command.sessionSid()).contains("one-session-sid");
        });
        assertThat(outbox.pendingFor(account)).isEqualTo(1);
    }

    @Test
    void aFailedAttemptIsRetriedFromItsRetryTimeUntilItIsGivenUp() {
        UUID account = UUID.randomUUID();
        outbox.enqueue(account, SessionEndingReason.INTERVENTION);
        SessionEnding first = outbox.claimDue(10, LEASE).get(0);

        outbox.retryLater(first.id(), clock.instant().plusSeconds(5), "Redis unavailable");
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        SessionEnding second = outbox.claimDue(10, LEASE).get(0);
        assertThat(second.attempt()).isEqualTo(2);

        outbox.markFailed(second.id(), "Redis unavailable");
        clock.advance(Duration.ofHours(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        assertThat(outbox.pendingFor(account)).as("kept for an operator to see").isEqualTo(1);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameCommand() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox.enqueue(UUID.randomUUID(), SessionEndingReason.INTERVENTION);
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<SessionEnding>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(() -> outbox.claimDue(5, LEASE));
            }
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<SessionEnding>> result : workers.invokeAll(claims)) {
                result.get().forEach(command -> claimed.add(command.id()));
            }
            assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
        } finally {
            workers.shutdownNow();
        }
    }
}
