package dev.signet.connector.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of the time one step may spend on the upstream provider, shared by every request the step makes. */
final class Deadline {

    private final Clock clock;
    private final Instant end;
    private final Duration limit;

    private Deadline(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
        this.end = clock.instant().plus(limit);
    }

    static Deadline after(Clock clock, Duration limit) {
        return new Deadline(clock, limit);
    }

    /** What is left, never negative. */
    Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The whole limit, for messages. */
    Duration limit() {
        return limit;
    }
}
