package dev.signet.core.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptPolicyTest {

    @Test
    void delaysDoubleFromTheFirstDelayUpToTheCap() {
        AttemptPolicy policy = AttemptPolicy.delaysOnly(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMinutes(15));

        assertThat(policy.delayAfter(3)).isZero();
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aLockoutMustComeAfterTheFreeAttempts() {
        assertThatThrownBy(() -> new AttemptPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMinutes(1), 5, Duration.ofMinutes(1)))
                .hasMessageContaining("lockout-after (5) must be more than free-attempts (5)");
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> AttemptPolicy.delaysOnly(0, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1))).hasMessageContaining("free-attempts");
        assertThatThrownBy(() -> AttemptPolicy.delaysOnly(1, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMinutes(1))).hasMessageContaining("max-delay");
        assertThatThrownBy(() -> new AttemptPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1), 3, Duration.ZERO)).hasMessageContaining("lockout-duration");
    }
}
