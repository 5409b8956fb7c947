package dev.signet.core.keys.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKey;
import dev.signet.core.keys.SigningKeyRepository;
import dev.signet.core.keys.SigningKeyRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    private DataSource dataSource;
    private SigningKeyRepository repository;

    @BeforeEach
    void freshDatabase() {
        dataSource = PostgresTestServer.newMigratedDatabase();
        repository = new JdbcSigningKeyRepository(dataSource);
    }

    @Override
    protected SigningKeyRepository repository() {
        return repository;
    }

    @Test
    void aSecondRepositoryOnTheSameDatabaseReadsTheSameKeys() {
        SigningKey key = key(SigningAlgorithm.RS256, NOW, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31)));
        repository.addUnlessRetiringAfter(key, NOW);

        assertThat(new JdbcSigningKeyRepository(dataSource).findUnexpired(NOW)).containsExactly(key);
    }
}
