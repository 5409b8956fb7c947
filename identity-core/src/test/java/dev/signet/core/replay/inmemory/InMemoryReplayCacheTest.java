package dev.signet.core.replay.inmemory;

import dev.signet.core.replay.MutableClock;
import dev.signet.core.replay.ReplayCache;
import dev.signet.core.replay.ReplayCacheContract;
import java.time.Instant;

class InMemoryReplayCacheTest extends ReplayCacheContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ReplayCache cache = new InMemoryReplayCache(clock);

    @Override
    protected ReplayCache cache() {
        return cache;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }
}
