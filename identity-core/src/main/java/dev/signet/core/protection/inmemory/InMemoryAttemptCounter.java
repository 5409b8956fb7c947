package dev.signet.core.protection.inmemory;

import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.AttemptDecision;
import dev.signet.core.protection.AttemptPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link AttemptCounter} for a single instance (the embedded default). Each operation runs inside the map's atomic
 * {@code compute} for its key. Keys are kept only in this process's memory.
 */
public final class InMemoryAttemptCounter implements AttemptCounter {

    private static final int SWEEP_EVERY = 1024;

    /** Times in epoch milliseconds; {@code forgetAt} is when the entry can be dropped. */
    private record Entry(int count, long start, long next, long until, long forgetAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();
    private final Clock clock;

    public InMemoryAttemptCounter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AttemptDecision attempt(String key, AttemptPolicy policy) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(policy, "policy");
        long now = clock.millis();
        sweepSometimes(now);
        AttemptDecision[] decision = new AttemptDecision[1];
        entries.compute(key, (k, entry) -> {
            int count = 0;
            long start = now;
            long next = 0;
            long until = 0;
            if (entry != null) {
                count = entry.count();
                start = entry.start();
                next = entry.next();
                until = entry.until();
            }
            if (until > now) {
                decision[0] = new AttemptDecision.LockedOut(Duration.ofMillis(until - now));
                return entry;
            }
            if (start + policy.window().toMillis() <= now) {
                count = 0;
                start = now;
                next = 0;
            }
            if (next > now) {
                decision[0] = new AttemptDecision.Delayed(Duration.ofMillis(next - now));
                return entry;
            }
            count++;
            if (policy.locksOut() && count >= policy.lockoutAfter()) {
                decision[0] = new AttemptDecision.Allowed(count, true);
                until = now + policy.lockoutDuration().toMillis();
                // The count starts again when the lock ends.
                return new Entry(0, until, 0, until, until + policy.window().toMillis());
            }
            decision[0] = new AttemptDecision.Allowed(count, false);
            next = now + policy.delayAfter(count).toMillis();
            return new Entry(count, start, next, until, Math.max(start + policy.window().toMillis(), next));
        });
        return decision[0];
    }

    @Override
    public void forget(String key) {
        entries.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void refund(String key, AttemptPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        entries.computeIfPresent(Objects.requireNonNull(key, "key"), (k, entry) -> {
            int count = Math.max(0, entry.count() - 1);
            long next = count <= policy.freeAttempts() ? 0 : entry.next();
            return new Entry(count, entry.start(), next, entry.until(), entry.forgetAt());
        });
    }

    private void sweepSometimes(long now) {
        if (operations.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(entry -> entry.forgetAt() <= now);
        }
    }
}
