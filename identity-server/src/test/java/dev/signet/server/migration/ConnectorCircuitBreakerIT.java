package dev.signet.server.migration;

import dev.signet.server.testing.StoppablePostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PausedOldSystemContract} with the legacy-database connector's own PostgreSQL server paused (SIGSTOP of its
 * processes): the connector's connect and query timeouts end its calls.
 */
class ConnectorCircuitBreakerIT extends PausedOldSystemContract {

    private static final StoppablePostgresServer PAUSED = StoppablePostgresServer.startOnFreePort();

    @DynamicPropertySource
    static void connectors(DynamicPropertyRegistry registry) {
        createRecordsTable(connect());
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-circuit.yml");
        registry.add("test.paused.jdbc-url", () -> PAUSED.jdbcUrl());
    }

    @AfterAll
    static void stopPausedServer() {
        PAUSED.resume();
        PAUSED.stopAndDelete();
    }

    @Override
    protected void pauseOldSystem() {
        PAUSED.pause();
    }

    @Override
    protected void resumeOldSystem() {
        PAUSED.resume();
    }

    @Override
    protected Connection connectToRecords() throws SQLException {
        return PAUSED.connect();
    }

    private static Connection connect() {
        try {
            return PAUSED.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
