package dev.signet.server.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * One attempt at a {@link LimitedAction}, as {@link AttemptLimiter#begin} decided it: refused (the citizen must wait),
 * or going ahead, in which case the caller reports how it ended.
 */
public sealed interface LimitedAttempt {

    /**
     * Not allowed now; nothing was checked or sent.
     *
     * @param retryAfter how long until an attempt can be made
     * @param lockedOut  the account key is locked (rather than only delayed)
     */
    record Refused(Duration retryAfter, boolean lockedOut) implements LimitedAttempt {
        public Refused {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Allowed, and counted against both the account and the client address until the caller reports a success. For
     * actions that count every time (sending codes) the caller need report nothing.
     */
    non-sealed interface Allowed extends LimitedAttempt {

        /** The account proved itself: its count (and any lock) is cleared, and the address is not charged. */
        void succeeded();

        /**
         * The attempt failed. Returns the lockout this failure started, if it started one: the account is locked for
         * {@link Refused#retryAfter()} from now.
         */
        java.util.Optional<Refused> failed();
    }
}
