package dev.signet.core.protection.inmemory;

import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.AttemptCounterContract;
import dev.signet.core.replay.MutableClock;
import java.time.Instant;

class InMemoryAttemptCounterTest extends AttemptCounterContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T09:00:00Z"));
    private final AttemptCounter counter = new InMemoryAttemptCounter(clock);

    @Override
    protected AttemptCounter counter() {
        return counter;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }
}
