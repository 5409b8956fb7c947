package dev.signet.core.mfa.jdbc;

import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.mfa.SecondFactorRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

class JdbcSecondFactorRepositoryTest extends SecondFactorRepositoryContract {

    private DataSource database;
    private SecondFactorRepository repository;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestServer.newMigratedDatabase();
        repository = new JdbcSecondFactorRepository(database);
    }

    @Override
    protected SecondFactorRepository repository() {
        return repository;
    }

    @Override
    protected UUID newAccount() {
        return TestAccounts.create(database);
    }
}
