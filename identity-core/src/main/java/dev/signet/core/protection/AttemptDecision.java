package dev.signet.core.protection;

import java.time.Duration;
import java.util.Objects;

/** What an {@link AttemptCounter} decided about one attempt. */
public sealed interface AttemptDecision {

    /**
     * The attempt may be made, and is counted.
     *
     * @param attempt        its number in the current window (1 for the first)
     * @param lockoutStarted this attempt reached the policy's lockout count: the key is locked from now on, unless the
     *                       attempt succeeds and the caller {@linkplain AttemptCounter#forget forgets} the key
     */
    record Allowed(int attempt, boolean lockoutStarted) implements AttemptDecision {
    }

    /** Too soon after the previous attempt; not counted. */
    record Delayed(Duration retryAfter) implements AttemptDecision {
        public Delayed {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The key is locked; not counted. */
    record LockedOut(Duration retryAfter) implements AttemptDecision {
        public LockedOut {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
