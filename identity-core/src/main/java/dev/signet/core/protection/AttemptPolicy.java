package dev.signet.core.protection;

import java.time.Duration;
import java.util.Objects;

/**
 * How one kind of attempt (for example password sign-in for one email address) is limited within a window of time.
 * <ul>
 * <li>The first {@code freeAttempts} attempts in a window are not delayed.</li>
 * <li>After each further attempt the next one must wait: {@code firstDelay}, then twice as long each time, at most
 * {@code maxDelay}. An attempt made too soon is refused and not counted.</li>
 * <li>When {@code lockoutAfter} is above zero, the attempt that brings the count to it is still made, but from then on
 * the key is locked for {@code lockoutDuration}; when the lock ends the count starts again from zero.</li>
 * <li>The count is forgotten {@code window} after the first attempt that started it.</li>
 * </ul>
 *
 * @param freeAttempts    attempts per window without delay (at least 1)
 * @param firstDelay      the wait after the first attempt beyond the free ones
 * @param maxDelay        the longest wait between two attempts
 * @param window          how long a count is kept, from its first attempt
 * @param lockoutAfter    the attempt count that locks the key; 0 for delays only, never a lock
 * @param lockoutDuration how long a lock lasts (ignored when {@code lockoutAfter} is 0)
 */
public record AttemptPolicy(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window,
        int lockoutAfter, Duration lockoutDuration) {

    public AttemptPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockoutDuration, "lockoutDuration");
        if (freeAttempts < 1) {
            throw new IllegalArgumentException("free-attempts must be at least 1, but was " + freeAttempts);
        }
        requirePositive("first-delay", firstDelay);
        requirePositive("max-delay", maxDelay);
        requirePositive("window", window);
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("max-delay (" + maxDelay + ") must not be shorter than first-delay ("
                    + firstDelay + ")");
        }
        if (lockoutAfter < 0) {
            throw new IllegalArgumentException("lockout-after must be 0 (no lockout) or more, but was " + lockoutAfter);
        }
        if (lockoutAfter > 0) {
            if (lockoutAfter <= freeAttempts) {
                throw new IllegalArgumentException("lockout-after (" + lockoutAfter
                        + ") must be more than free-attempts (" + freeAttempts + "), so delays come before a lockout");
            }
            requirePositive("lockout-duration", lockoutDuration);
        }
    }

    /** A policy of growing delays only. */
    public static AttemptPolicy delaysOnly(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window) {
        return new AttemptPolicy(freeAttempts, firstDelay, maxDelay, window, 0, Duration.ZERO);
    }

    public boolean locksOut() {
        return lockoutAfter > 0;
    }

    /**
     * The wait before the next attempt once {@code attempts} attempts are counted in the window: zero up to the free
     * attempts, then {@code firstDelay} doubling with each attempt, capped at {@code maxDelay}.
     */
    public Duration delayAfter(int attempts) {
        int beyond = attempts - freeAttempts;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        long first = firstDelay.toMillis();
        long max = maxDelay.toMillis();
        // 2^62 overflows nothing below; anything past the cap is the cap.
        long factor = beyond - 1 >= 62 ? Long.MAX_VALUE : 1L << (beyond - 1);
        long delay = factor > max / Math.max(first, 1) ? max : Math.min(first * factor, max);
        return Duration.ofMillis(delay);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, but was " + value);
        }
    }
}
