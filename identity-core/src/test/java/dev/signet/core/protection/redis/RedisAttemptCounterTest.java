package dev.signet.core.protection.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.AttemptCounterContract;
import dev.signet.core.replay.MutableClock;
import dev.signet.core.testing.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real redis-server; the window test lets real time pass too, since Redis's own TTL drops keys. */
class RedisAttemptCounterTest extends AttemptCounterContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AttemptCounter counter = new RedisAttemptCounter(connection,
            RedisAttemptCounter.sharedKey(connection), clock);

    @BeforeAll
    static void connect() {
        client = RedisClient.create(RedisTestServer.uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Override
    protected AttemptCounter counter() {
        return counter;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }

    @Override
    protected void waitUntilExpired(Duration duration) throws InterruptedException {
        super.waitUntilExpired(duration);
        Thread.sleep(duration.toMillis());
    }

    @Test
    void neitherEmailAddressesNorClientAddressesAreStoredInClear() {
        counter.attempt("signin:someone@example.com", LOCKING);
        counter.attempt("signin-address:192.0.2.7", LOCKING);

        assertThat(connection.sync().keys("signet:attempts:*"))
                .noneMatch(key -> key.contains("example.com") || key.contains("192.0.2.7"));
    }

    @Test
    void twoInstancesShareOneCount() {
        AttemptCounter otherInstance = new RedisAttemptCounter(connection, RedisAttemptCounter.sharedKey(connection),
                clock);
        String key = "signin:shared-" + System.nanoTime() + "@example.com";
        counter.attempt(key, LOCKING);

        assertThat(otherInstance.attempt(key, LOCKING)).isEqualTo(
                new dev.signet.core.protection.AttemptDecision.Allowed(2, false));
    }
}
