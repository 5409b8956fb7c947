package dev.signet.core.links.jdbc;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.LinkedIdentityRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

class JdbcLinkedIdentityRepositoryTest extends LinkedIdentityRepositoryContract {

    private LinkedIdentityRepository repository;
    private AccountRepository accounts;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = PostgresTestServer.newMigratedDatabase();
        repository = new JdbcLinkedIdentityRepository(dataSource);
        accounts = new JdbcAccountRepository(dataSource, Clock.systemUTC());
    }

    @Override
    protected LinkedIdentityRepository repository() {
        return repository;
    }

    @Override
    protected UUID newAccount() {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        accounts.create(new Account(id, id + "@example.gov.uk", true, Optional.empty(), AccountStatus.ACTIVE, now,
                now));
        return id;
    }

    @Override
    protected void deleteAccount(UUID accountId) {
        accounts.delete(accountId);
    }
}
