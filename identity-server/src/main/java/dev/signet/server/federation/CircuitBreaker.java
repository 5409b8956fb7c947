package dev.signet.server.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One connector's circuit breaker. Closed, every call goes to the old system. After {@code failureThreshold}
 * consecutive calls it could not answer (down, too slow, broken), it opens: calls are refused at once, so citizens
 * are not kept waiting for a timeout each and a struggling old system gets no load. After {@code openFor} it lets one
 * call through (half-open): an answer closes it, another failure opens it again for {@code openFor}.
 *
 * <p>Any answer counts as success, a wrong password included: it proves the old system is there.
 */
final class CircuitBreaker {

    /** Where the breaker stands; the number is the gauge's value. */
    enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        private final int gaugeValue;

        State(int gaugeValue) {
            this.gaugeValue = gaugeValue;
        }

        int gaugeValue() {
            return gaugeValue;
        }
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;

    private int consecutiveFailures;
    private Instant openUntil;
    private boolean probeInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openFor = Objects.requireNonNull(openFor, "openFor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a call may go to the old system now. When this returns {@code true} the caller must report the call's
     * result with {@link #succeeded()} or {@link #failed()}: a half-open breaker lets only that one probe through.
     */
    synchronized boolean tryAcquire() {
        if (openUntil == null) {
            return true;
        }
        if (probeInFlight || clock.instant().isBefore(openUntil)) {
            return false;
        }
        probeInFlight = true;
        return true;
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
        openUntil = null;
        probeInFlight = false;
    }

    /** @return {@code true} when this failure opened the breaker (from closed or after a failed probe) */
    synchronized boolean failed() {
        consecutiveFailures++;
        boolean probeFailed = probeInFlight;
        probeInFlight = false;
        if (probeFailed || (openUntil == null && consecutiveFailures >= failureThreshold)) {
            openUntil = clock.instant().plus(openFor);
            return true;
        }
        return false;
    }

    synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return probeInFlight || !clock.instant().isBefore(openUntil) ? State.HALF_OPEN : State.OPEN;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
