package dev.signet.core.idempotency.jdbc;

import dev.signet.core.idempotency.IdempotencyStore;
import dev.signet.core.idempotency.IdempotencyStoreContract;
import dev.signet.core.replay.MutableClock;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {

    private MutableClock clock;
    private IdempotencyStore store;

    @BeforeEach
    void freshDatabase() {
        clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        store = new JdbcIdempotencyStore(PostgresTestServer.newMigratedDatabase(), clock, ABANDONED_AFTER);
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }
}
