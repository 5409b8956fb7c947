package dev.signet.core.client.jdbc;

import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.RelyingPartyRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

class JdbcRelyingPartyRepositoryTest extends RelyingPartyRepositoryContract {

    private RelyingPartyRepository repository;

    @BeforeEach
    void freshDatabase() {
        repository = new JdbcRelyingPartyRepository(PostgresTestServer.newMigratedDatabase(), Clock.systemUTC());
    }

    @Override
    protected RelyingPartyRepository repository() {
        return repository;
    }
}
