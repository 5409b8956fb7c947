package dev.signet.client.internal;

import dev.signet.client.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A document fetched from Signet (discovery, JWKS) and kept while it is fresh. Rules, in order:
 * <ol>
 *   <li>fresh: used without asking;</li>
 *   <li>stale: fetched again; if Signet cannot be reached, the stale copy is still used for up to {@code outageGrace}
 *       past its freshness (a short outage of the provider does not stop sign-ins);</li>
 *   <li>never more than one fetch at a time, and never two within {@code minInterval} of each other, so a burst of
 *       requests (or tokens with made-up {@code kid}s) cannot turn into a burst of fetches.</li>
 * </ol>
 * Thread-safe: readers of a fresh copy take no lock.
 */
public final class CachedResource<T> {

    /** A fetched value and how long it stays fresh. */
    public record Fetched<T>(T value, Duration freshFor) {
    }

    private record Entry<T>(T value, Instant freshUntil) {
    }

    private final String what;
    private final Supplier<Fetched<T>> loader;
    private final Clock clock;
    private final Duration minInterval;
    private final Duration outageGrace;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile Entry<T> entry;
    private Instant lastAttempt = Instant.MIN;
    private ProviderUnavailableException lastFailure;

    public CachedResource(String what, Supplier<Fetched<T>> loader, Clock clock, Duration minInterval,
            Duration outageGrace) {
        this.what = Objects.requireNonNull(what, "what");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minInterval = Objects.requireNonNull(minInterval, "minInterval");
        this.outageGrace = Objects.requireNonNull(outageGrace, "outageGrace");
    }

    /** The current value: cached when fresh, fetched otherwise, stale within the outage grace if fetching fails. */
    public T get() {
        Entry<T> current = entry;
        if (current != null && clock.instant().isBefore(current.freshUntil())) {
            return current.value();
        }
        lock.lock();
        try {
            current = entry;
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.freshUntil())) {
                return current.value();
            }
            if (now.isBefore(lastAttempt.plus(minInterval))) {
                // Fetched (or tried) a moment ago: do not ask again yet.
                if (current != null && usable(current, now)) {
                    return current.value();
                }
                if (lastFailure != null) {
                    throw lastFailure;
                }
            }
            try {
                return fetch(now);
            } catch (ProviderUnavailableException e) {
                if (current != null && usable(current, now)) {
                    return current.value();
                }
                throw new ProviderUnavailableException(what + " could not be fetched and no usable copy is cached: "
                        + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches again because {@code seen} lacked something (an unknown {@code kid}): unless another thread already
     * did, and unless the last fetch was less than {@code minInterval} ago. Empty when not allowed yet.
     *
     * @throws ProviderUnavailableException when the fetch fails
     */
    public Optional<T> refetch(T seen) {
        lock.lock();
        try {
            Entry<T> current = entry;
            if (current != null && current.value() != seen) {
                return Optional.of(current.value());
            }
            Instant now = clock.instant();
            if (now.isBefore(lastAttempt.plus(minInterval))) {
                return Optional.empty();
            }
            return Optional.of(fetch(now));
        } finally {
            lock.unlock();
        }
    }

    private T fetch(Instant now) {
        lastAttempt = now;
        try {
            Fetched<T> fetched = loader.get();
            entry = new Entry<>(fetched.value(), now.plus(fetched.freshFor()));
            lastFailure = null;
            return fetched.value();
        } catch (ProviderUnavailableException e) {
            lastFailure = e;
            throw e;
        }
    }

    private boolean usable(Entry<T> current, Instant now) {
        return now.isBefore(current.freshUntil().plus(outageGrace));
    }
}
