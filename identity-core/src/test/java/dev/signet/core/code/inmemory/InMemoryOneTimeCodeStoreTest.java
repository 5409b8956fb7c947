package dev.signet.core.code.inmemory;

import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.OneTimeCodeStoreContract;
import dev.signet.core.replay.MutableClock;
import java.time.Instant;

class InMemoryOneTimeCodeStoreTest extends OneTimeCodeStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final OneTimeCodeStore store =
            new InMemoryOneTimeCodeStore(CodeDigester.withRandomKey(), MAX_ATTEMPTS, clock);

    @Override
    protected OneTimeCodeStore store() {
        return store;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }
}
