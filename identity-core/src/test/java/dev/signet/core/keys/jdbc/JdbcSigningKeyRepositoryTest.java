package dev.signet.core.keys.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKey;
import dev.signet.core.keys.SigningKeyRepository;
import dev.signet.core.keys.SigningKeyRepositoryContract;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    private HikariDataSource dataSource;
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

    /**
     * Two instances (each with its own pool) whose schedules both say a key is due, many times at once: exactly one
     * key is added, so every instance signs with the same one.
     */
    @Test
    void instancesRotatingAtTheSameMomentAddOneKey() throws Exception {
        HikariConfig other = new HikariConfig();
        other.setJdbcUrl(dataSource.getJdbcUrl());
        other.setUsername(dataSource.getUsername());
        other.setMaximumPoolSize(4);
        try (HikariDataSource secondInstancePool = new HikariDataSource(other)) {
            List<SigningKeyRepository> instances = List.of(repository,
                    new JdbcSigningKeyRepository(secondInstancePool));
            int attempts = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(attempts);
            try {
                List<Future<Boolean>> added = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    SigningKeyRepository instance = instances.get(i % 2);
                    SigningKey key = key(SigningAlgorithm.RS256, NOW, NOW.plus(Duration.ofDays(30)),
                            NOW.plus(Duration.ofDays(31)));
                    added.add(threads.submit(() -> {
                        start.await();
                        return instance.addUnlessRetiringAfter(key, NOW);
                    }));
                }
                start.countDown();
                long winners = 0;
                for (Future<Boolean> outcome : added) {
                    winners += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }

                assertThat(winners).isOne();
                assertThat(repository.findUnexpired(NOW)).hasSize(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
