package dev.signet.server.factors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.ServerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The account lock on the real PostgreSQL: a second holder for the same account waits, another account does not. */
class PostgresAccountLockIT extends ServerIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aSecondRemovalForTheSameAccountWaitsUntilTheFirstHasFinished() throws Exception {
        PostgresAccountLock lock = new PostgresAccountLock(dataSource);
        UUID account = UUID.randomUUID();
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> lock.whileLocked(account, () -> {
            events.add("first in");
            firstInside.countDown();
            await(releaseFirst);
            events.add("first out");
            return null;
        }));
        assertThat(firstInside.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> lock.whileLocked(account, () -> {
            events.add("second in");
            return null;
        }));
        // PostgreSQL shows the second one waiting for the advisory lock.
        assertThat(waitingForAdvisoryLock()).isTrue();
        // Another account is not held up meanwhile.
        assertThat(lock.whileLocked(UUID.randomUUID(), () -> "other account")).isEqualTo("other account");
        assertThat(events).containsExactly("first in");

        releaseFirst.countDown();
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        assertThat(events).containsExactly("first in", "first out", "second in");
    }

    private boolean waitingForAdvisoryLock() throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            long waiting = jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single();
            if (waiting > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
