package dev.signet.core.protection.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.AttemptCounterContract;
import dev.signet.core.replay.MutableClock;
import dev.signet.core.testing.RedisTopology;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Against a real redis-server, single and clustered; the window test lets real time pass too, since Redis's own TTL
 * drops keys.
 */
@ParameterizedClass
@EnumSource(RedisTopology.class)
class RedisAttemptCounterTest extends AttemptCounterContract {

    private final RedisTopology redisTopology;
    private final RedisClusterCommands<String, String> redis;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final AttemptCounter counter;

    RedisAttemptCounterTest(RedisTopology redisTopology) {
        this.redisTopology = redisTopology;
        this.redis = redisTopology.commands();
        this.counter = new RedisAttemptCounter(redis, RedisAttemptCounter.sharedKey(redis), clock);
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

        assertThat(redis.keys("signet:attempts:*"))
                .noneMatch(key -> key.contains("example.com") || key.contains("192.0.2.7"));
    }

    @Test
    void twoInstancesShareOneCount() {
        try (RedisTopology.Connected second = redisTopology.connect()) {
            AttemptCounter otherInstance = new RedisAttemptCounter(second.commands(),
                    RedisAttemptCounter.sharedKey(second.commands()), clock);
            String key = "signin:shared-" + System.nanoTime() + "@example.com";
            counter.attempt(key, LOCKING);

            assertThat(otherInstance.attempt(key, LOCKING)).isEqualTo(
                    new dev.signet.core.protection.AttemptDecision.Allowed(2, false));
        }
    }
}
