package dev.signet.core.replay.redis;

import dev.signet.core.replay.MutableClock;
import dev.signet.core.replay.ReplayCache;
import dev.signet.core.replay.ReplayCacheContract;
import dev.signet.core.testing.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Against a real redis-server: expiry is Redis's own PX TTL, so the expiry test lets real time pass too. */
class RedisReplayCacheTest extends ReplayCacheContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ReplayCache cache = new RedisReplayCache(connection, clock);

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
    protected ReplayCache cache() {
        return cache;
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
}
