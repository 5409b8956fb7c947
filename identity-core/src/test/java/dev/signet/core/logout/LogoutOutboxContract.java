package dev.signet.core.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link LogoutOutbox} adapter must have. Subclasses supply the adapter on {@link #clock}. */
public abstract class LogoutOutboxContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));

    protected abstract LogoutOutbox outbox();

    protected static LogoutNotice notice(String clientId) {
        return new LogoutNotice(clientId, URI.create("https://" + clientId + ".example.gov.uk/backchannel-logout"),
                "sub-" + UUID.randomUUID(), Optional.of("sid-" + UUID.randomUUID()));
    }

    @Test
    void queuedNoticeIsClaimedOnceWithItsDetails() {
        LogoutNotice notice = notice("rp-a");
        outbox().enqueue(List.of(notice));

        List<LogoutDelivery> claimed = outbox().claimDue(10, LEASE);

        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).notice()).isEqualTo(notice);
        assertThat(claimed.get(0).attempt()).isEqualTo(1);
        assertThat(outbox().claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void claimedDeliveryComesBackWhenItsLeaseRunsOut() {
        outbox().enqueue(List.of(notice("rp-b")));
        UUID id = outbox().claimDue(10, LEASE).get(0).id();

        clock.advance(LEASE.plusSeconds(1));

        List<LogoutDelivery> again = outbox().claimDue(10, LEASE);
        assertThat(again).extracting(LogoutDelivery::id).containsExactly(id);
        assertThat(again.get(0).attempt()).isEqualTo(2);
    }

    @Test
    void failedAttemptIsRetriedOnlyFromItsRetryTime() {
        outbox().enqueue(List.of(notice("rp-c")));
        LogoutDelivery first = outbox().claimDue(10, LEASE).get(0);

        outbox().retryLater(first.id(), clock.instant().plusSeconds(60), "HTTP 500");

        clock.advance(Duration.ofSeconds(59));
        assertThat(outbox().claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(outbox().claimDue(10, LEASE)).extracting(LogoutDelivery::attempt).containsExactly(2);
    }

    @Test
    void deliveredAndFailedDeliveriesAreNeverClaimedAgainAndAreForgottenLater() {
        outbox().enqueue(List.of(notice("rp-d"), notice("rp-e")));
        List<LogoutDelivery> claimed = outbox().claimDue(10, LEASE);
        outbox().markDelivered(claimed.get(0).id());
        outbox().markFailed(claimed.get(1).id(), "HTTP 404");

        clock.advance(LEASE.multipliedBy(10));
        assertThat(outbox().claimDue(10, LEASE)).isEmpty();
        assertThat(outbox().deleteFinishedBefore(clock.instant())).isEqualTo(2);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameDelivery() throws Exception {
        int count = 60;
        outbox().enqueue(IntStream.range(0, count).mapToObj(i -> notice("rp-" + i)).toList());
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            Callable<List<UUID>> worker = () -> {
                List<UUID> mine = new ArrayList<>();
                List<LogoutDelivery> batch;
                while (!(batch = outbox().claimDue(4, LEASE)).isEmpty()) {
                    batch.forEach(delivery -> mine.add(delivery.id()));
                }
                return mine;
            };
            List<Future<List<UUID>>> results = workers.invokeAll(List.of(worker, worker, worker));
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> result : results) {
                all.addAll(result.get());
            }
            Set<UUID> distinct = new HashSet<>(all);
            assertThat(all).hasSize(count);
            assertThat(distinct).hasSize(count);
        } finally {
            workers.shutdownNow();
        }
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {

        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
