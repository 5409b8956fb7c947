package dev.signet.core.account.jdbc;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

class JdbcAccountRepositoryTest extends AccountRepositoryContract {

    private AccountRepository repository;

    @BeforeEach
    void freshDatabase() {
        repository = new JdbcAccountRepository(PostgresTestServer.newMigratedDatabase(), Clock.systemUTC());
    }

    @Override
    protected AccountRepository repository() {
        return repository;
    }
}
