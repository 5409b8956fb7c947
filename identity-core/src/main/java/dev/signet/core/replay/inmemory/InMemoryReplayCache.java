package dev.signet.core.replay.inmemory;

import dev.signet.core.replay.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ReplayCache} for a single instance: entries live in a map and are swept as they expire. */
public final class InMemoryReplayCache implements ReplayCache {

    /** Sweep expired entries every this many inserts, so memory stays bounded by the live entries. */
    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentHashMap<String, Instant> entries = new ConcurrentHashMap<>();
    private final AtomicInteger inserts = new AtomicInteger();
    private final Clock clock;

    public InMemoryReplayCache(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String namespace, String id, Instant expiresAt) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            // Already expired: whoever checks expiry refuses it anyway; nothing worth remembering.
            return true;
        }
        if (inserts.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        boolean[] first = {false};
        entries.compute(namespace + '\u0000' + id, (key, existing) -> {
            if (existing == null || !existing.isAfter(now)) {
                first[0] = true;
                return expiresAt;
            }
            return existing;
        });
        return first[0];
    }
}
