package dev.signet.server.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * When every outbox worker tries a row again after a failed attempt: after that attempt's back-off, until
 * {@code maxAttempts} attempts have been made; then it gives the row up (the worker marks it failed). One rule for
 * all outboxes, so a row that keeps failing is treated alike whatever it carries.
 */
public final class RetrySchedule {

    private final int maxAttempts;
    private final IntFunction<Duration> delayAfterAttempt;
    private final Clock clock;

    /**
     * @param delayAfterAttempt the wait after failed attempt {@code n} (1 for the first), before attempt {@code n + 1}
     */
    public RetrySchedule(int maxAttempts, IntFunction<Duration> delayAfterAttempt, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.delayAfterAttempt = Objects.requireNonNull(delayAfterAttempt, "delayAfterAttempt");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * When to try again after failed attempt {@code attempt} (1 for the first); empty when it was the last one
     * allowed: give the row up.
     */
    public Optional<Instant> retryAt(int attempt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(clock.instant().plus(delayAfterAttempt.apply(attempt)));
    }
}
