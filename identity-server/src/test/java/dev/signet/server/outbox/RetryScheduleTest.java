package dev.signet.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(3, attempt -> Duration.ofSeconds(10L * attempt),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailedAttemptBeforeTheLastIsTriedAgainAfterItsBackOff() {
        assertThat(schedule.retryAt(1)).contains(NOW.plusSeconds(10));
        assertThat(schedule.retryAt(2)).contains(NOW.plusSeconds(20));
    }

    @Test
    void theLastAttemptAllowedIsNotTriedAgain() {
        assertThat(schedule.retryAt(3)).isEmpty();
        // A row leased by a worker that died counts its attempt too: past the last, still given up.
        assertThat(schedule.retryAt(4)).isEmpty();
    }

    @Test
    void atLeastOneAttempt() {
        assertThatThrownBy(() -> new RetrySchedule(0, attempt -> Duration.ofSeconds(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
