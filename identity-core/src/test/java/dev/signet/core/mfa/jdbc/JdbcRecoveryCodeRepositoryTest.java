package dev.signet.core.mfa.jdbc;

import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.RecoveryCodeRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

class JdbcRecoveryCodeRepositoryTest extends RecoveryCodeRepositoryContract {

    private DataSource database;
    private RecoveryCodeRepository repository;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestServer.newMigratedDatabase();
        repository = new JdbcRecoveryCodeRepository(database);
    }

    @Override
    protected RecoveryCodeRepository repository() {
        return repository;
    }

    @Override
    protected UUID newAccount() {
        return TestAccounts.create(database);
    }
}
