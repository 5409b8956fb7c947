package dev.signet.core.logout.jdbc;

import dev.signet.core.logout.LogoutOutbox;
import dev.signet.core.logout.LogoutOutboxContract;
import dev.signet.core.testing.PostgresTestServer;
import org.junit.jupiter.api.BeforeEach;

class JdbcLogoutOutboxTest extends LogoutOutboxContract {

    private LogoutOutbox outbox;

    @BeforeEach
    void freshDatabase() {
        outbox = new JdbcLogoutOutbox(PostgresTestServer.newMigratedDatabase(), clock);
    }

    @Override
    protected LogoutOutbox outbox() {
        return outbox;
    }
}
