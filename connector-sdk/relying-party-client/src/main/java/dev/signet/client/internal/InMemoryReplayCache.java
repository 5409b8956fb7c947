package dev.signet.client.internal;

import dev.signet.client.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ReplayCache} in this process's memory: ids in insertion order, expired ones dropped as new ones arrive, and
 * the oldest dropped when full (a token older than every kept one is at the end of its life anyway).
 */
public final class InMemoryReplayCache implements ReplayCache {

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public InMemoryReplayCache(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    public InMemoryReplayCache(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstUse(String id, Instant keepUntil) {
        Instant now = clock.instant();
        Instant previous = seen.get(id);
        if (previous != null && previous.isAfter(now)) {
            return false;
        }
        purge(now);
        seen.remove(id);
        seen.put(id, keepUntil);
        while (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void purge(Instant now) {
        // Insertion order is close to expiry order; stop at the first live entry to keep this cheap.
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue().isAfter(now)) {
                return;
            }
            entries.remove();
        }
    }

    synchronized int size() {
        return seen.size();
    }
}
