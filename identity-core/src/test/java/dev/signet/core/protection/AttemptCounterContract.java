package dev.signet.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.replay.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AttemptCounter} adapter must have. Adapters are built on {@link #clock()}. */
public abstract class AttemptCounterContract {

    /** 2 free attempts, then 1 s, 2 s, 4 s (capped at 4 s); locked for 10 minutes at the 6th attempt. */
    protected static final AttemptPolicy LOCKING = new AttemptPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(4),
            Duration.ofMinutes(15), 6, Duration.ofMinutes(10));
    protected static final AttemptPolicy DELAYS_ONLY = AttemptPolicy.delaysOnly(3, Duration.ofSeconds(2),
            Duration.ofMinutes(1), Duration.ofMinutes(15));

    protected abstract AttemptCounter counter();

    protected abstract MutableClock clock();

    private static String unique() {
        return "signin:" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void freeAttemptsAreNotDelayed() {
        String key = unique();

        assertThat(counter().attempt(key, LOCKING)).isEqualTo(new AttemptDecision.Allowed(1, false));
        assertThat(counter().attempt(key, LOCKING)).isEqualTo(new AttemptDecision.Allowed(2, false));
    }

    @Test
    void delaysGrowAfterTheFreeAttemptsAndAreCapped() {
        String key = unique();
        counter().attempt(key, DELAYS_ONLY);
        counter().attempt(key, DELAYS_ONLY);
        counter().attempt(key, DELAYS_ONLY);

        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(4, false));
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Delayed(Duration.ofSeconds(2)));
        clock().advance(Duration.ofSeconds(2));
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(5, false));
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Delayed(Duration.ofSeconds(4)));
        clock().advance(Duration.ofSeconds(3));
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Delayed(Duration.ofSeconds(1)));
        clock().advance(Duration.ofSeconds(1));
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(6, false));
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Delayed(Duration.ofSeconds(8)));
        for (int attempt = 7; attempt <= 12; attempt++) {
            clock().advance(Duration.ofMinutes(1));
            assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(attempt, false));
        }
        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Delayed(Duration.ofMinutes(1)));
    }

    @Test
    void refusedAttemptsAreNotCounted() {
        String key = unique();
        for (int i = 0; i < 4; i++) {
            counter().attempt(key, DELAYS_ONLY);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(counter().attempt(key, DELAYS_ONLY)).isInstanceOf(AttemptDecision.Delayed.class);
        }
        clock().advance(Duration.ofSeconds(2));

        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(5, false));
    }

    @Test
    void theLockingAttemptIsMadeThenTheKeyIsLockedForTheLockoutDuration() {
        String key = unique();
        reachLockout(key);

        assertThat(counter().attempt(key, LOCKING)).isEqualTo(new AttemptDecision.LockedOut(Duration.ofMinutes(10)));
        clock().advance(Duration.ofMinutes(9));
        assertThat(counter().attempt(key, LOCKING)).isEqualTo(new AttemptDecision.LockedOut(Duration.ofMinutes(1)));
        clock().advance(Duration.ofMinutes(1));
        assertThat(counter().attempt(key, LOCKING)).as("a fresh count after the lock")
                .isEqualTo(new AttemptDecision.Allowed(1, false));
    }

    @Test
    void forgettingClearsDelaysAndLocks() {
        String delayed = unique();
        for (int i = 0; i < 4; i++) {
            counter().attempt(delayed, DELAYS_ONLY);
        }
        String locked = unique();
        reachLockout(locked);

        counter().forget(delayed);
        counter().forget(locked);

        assertThat(counter().attempt(delayed, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(1, false));
        assertThat(counter().attempt(locked, LOCKING)).isEqualTo(new AttemptDecision.Allowed(1, false));
    }

    @Test
    void aRefundedAttemptNoLongerCountsButALockStays() {
        String key = unique();
        for (int i = 0; i < 4; i++) {
            counter().attempt(key, DELAYS_ONLY);
        }
        counter().refund(key, DELAYS_ONLY);

        assertThat(counter().attempt(key, DELAYS_ONLY)).as("back within the free attempts: no wait")
                .isEqualTo(new AttemptDecision.Allowed(4, false));

        String locked = unique();
        reachLockout(locked);
        counter().refund(locked, LOCKING);
        assertThat(counter().attempt(locked, LOCKING)).isInstanceOf(AttemptDecision.LockedOut.class);
    }

    @Test
    void refundingAnUnknownKeyChangesNothing() {
        String key = unique();
        counter().refund(key, DELAYS_ONLY);

        assertThat(counter().attempt(key, DELAYS_ONLY)).isEqualTo(new AttemptDecision.Allowed(1, false));
    }

    @Test
    void theCountIsForgottenWhenTheWindowEnds() throws InterruptedException {
        AttemptPolicy shortWindow = AttemptPolicy.delaysOnly(1, Duration.ofMillis(50), Duration.ofMillis(50),
                Duration.ofMillis(300));
        String key = unique();
        counter().attempt(key, shortWindow);
        clock().advance(Duration.ofMillis(100));
        assertThat(counter().attempt(key, shortWindow)).isEqualTo(new AttemptDecision.Allowed(2, false));

        waitUntilExpired(Duration.ofMillis(400));

        assertThat(counter().attempt(key, shortWindow)).isEqualTo(new AttemptDecision.Allowed(1, false));
    }

    @Test
    void keysAreSeparate() {
        String one = unique();
        String other = unique();
        reachLockout(one);

        assertThat(counter().attempt(other, LOCKING)).isEqualTo(new AttemptDecision.Allowed(1, false));
    }

    @Test
    void racingAttemptsNeverSlipPastTheLimit() throws Exception {
        String key = unique();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AttemptDecision>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> counter().attempt(key, LOCKING));
            }
            List<Integer> allowed = new ArrayList<>();
            for (Future<AttemptDecision> result : pool.invokeAll(calls)) {
                if (result.get() instanceof AttemptDecision.Allowed ok) {
                    allowed.add(ok.attempt());
                }
            }
            // The two free attempts and the first delayed one; every other attempt came too soon.
            assertThat(allowed).containsExactlyInAnyOrder(1, 2, 3);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Six attempts, spaced as the delays require; the sixth starts the lockout. */
    private void reachLockout(String key) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(counter().attempt(key, LOCKING)).isEqualTo(new AttemptDecision.Allowed(attempt, false));
            clock().advance(LOCKING.delayAfter(attempt));
        }
        assertThat(counter().attempt(key, LOCKING)).isEqualTo(new AttemptDecision.Allowed(6, true));
    }

    /** Moves the test clock on; adapters with a server-side TTL also need real time to pass. */
    protected void waitUntilExpired(Duration duration) throws InterruptedException {
        clock().advance(duration);
    }
}
