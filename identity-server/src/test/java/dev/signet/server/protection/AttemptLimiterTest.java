package dev.signet.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.protection.inmemory.InMemoryAttemptCounter;
import dev.signet.core.replay.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limiter over the real in-memory counter: how account and address limits combine. */
class AttemptLimiterTest {

    private static final ProtectionProperties.Policy ACCOUNT = new ProtectionProperties.Policy(2,
            Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(15), 4, Duration.ofMinutes(15));
    private static final ProtectionProperties.Policy ADDRESS = new ProtectionProperties.Policy(3,
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(15), 0, null);
    private static final ProtectionProperties.Limits LIMITS = new ProtectionProperties.Limits(ACCOUNT, ADDRESS);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AttemptLimiter limiter = new AttemptLimiter(new InMemoryAttemptCounter(clock),
            Map.of(LimitedAction.SIGN_IN, LIMITS, LimitedAction.CODE_ENTRY, LIMITS, LimitedAction.CODE_SENDING, LIMITS),
            meters);

    @Test
    void oneAddressTryingManyEmailsIsDelayedThoughNoEmailIs() {
        for (int i = 1; i <= 4; i++) {
            assertThat(fail("person" + i + "@example.com", "198.51.100.1")).isEmpty();
        }

        LimitedAttempt fifth = limiter.begin(LimitedAction.SIGN_IN, "person5@example.com", "198.51.100.1");

        assertThat(fifth).isEqualTo(new LimitedAttempt.Refused(Duration.ofSeconds(10), false));
        assertThat(limiter.begin(LimitedAction.SIGN_IN, "person5@example.com", "203.0.113.9"))
                .as("another address").isInstanceOf(LimitedAttempt.Allowed.class);
        assertThat(meters.counter("signet.protection.attempts", "action", "sign-in", "outcome", "delayed_address")
                .count()).isEqualTo(1);
    }

    @Test
    void oneEmailTriedFromManyAddressesIsLockedOut() {
        String email = "Victim@Example.com";
        assertThat(fail(email, "192.0.2.1")).isEmpty();
        assertThat(fail("victim@example.com", "192.0.2.2")).isEmpty();
        assertThat(fail(email, "192.0.2.3")).isEmpty();
        assertThat(limiter.begin(LimitedAction.SIGN_IN, email, "192.0.2.4"))
                .isEqualTo(new LimitedAttempt.Refused(Duration.ofSeconds(1), false));
        clock.advance(Duration.ofSeconds(1));

        assertThat(fail(email, "192.0.2.5")).contains(new LimitedAttempt.Refused(Duration.ofMinutes(15), true));
        assertThat(limiter.begin(LimitedAction.SIGN_IN, email, "192.0.2.6"))
                .isEqualTo(new LimitedAttempt.Refused(Duration.ofMinutes(15), true));
        assertThat(meters.counter("signet.protection.lockouts", "action", "sign-in").count()).isEqualTo(1);
    }

    @Test
    void aRefusedAccountDoesNotChargeTheAddress() {
        String email = "refused@example.com";
        fail(email, "192.0.2.50");
        fail(email, "192.0.2.50");
        fail(email, "192.0.2.50");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.begin(LimitedAction.SIGN_IN, email, "192.0.2.50"))
                    .isInstanceOf(LimitedAttempt.Refused.class);
        }

        assertThat(limiter.begin(LimitedAction.SIGN_IN, "someone-else@example.com", "192.0.2.50"))
                .as("three attempts counted on the address, within its free attempts")
                .isInstanceOf(LimitedAttempt.Allowed.class);
    }

    @Test
    void aSuccessClearsTheAccountAndIsNotChargedToTheAddress() {
        String email = "owner@example.com";
        fail(email, "192.0.2.60");
        fail(email, "192.0.2.60");
        ((LimitedAttempt.Allowed) limiter.begin(LimitedAction.SIGN_IN, email, "192.0.2.60")).succeeded();

        assertThat(limiter.begin(LimitedAction.SIGN_IN, email, "192.0.2.60"))
                .as("no delay: the account was cleared and the address has 2 of 3 free attempts used")
                .isInstanceOf(LimitedAttempt.Allowed.class);
    }

    @Test
    void clearingEndsALockout() {
        String email = "locked@example.com";
        fail(email, "192.0.2.70");
        fail(email, "192.0.2.71");
        fail(email, "192.0.2.72");
        clock.advance(Duration.ofSeconds(1));
        assertThat(fail(email, "192.0.2.73")).isPresent();

        limiter.clear(LimitedAction.SIGN_IN, "LOCKED@example.com");

        assertThat(limiter.begin(LimitedAction.SIGN_IN, email, "192.0.2.74")).isInstanceOf(LimitedAttempt.Allowed.class);
    }

    @Test
    void actionsAreCountedSeparately() {
        String email = "separate@example.com";
        fail(email, "192.0.2.80");
        fail(email, "192.0.2.80");
        fail(email, "192.0.2.80");

        assertThat(limiter.begin(LimitedAction.CODE_ENTRY, email, "192.0.2.81")).isInstanceOf(
                LimitedAttempt.Allowed.class);
    }

    private java.util.Optional<LimitedAttempt.Refused> fail(String email, String address) {
        LimitedAttempt attempt = limiter.begin(LimitedAction.SIGN_IN, email, address);
        assertThat(attempt).isInstanceOf(LimitedAttempt.Allowed.class);
        return ((LimitedAttempt.Allowed) attempt).failed();
    }
}
