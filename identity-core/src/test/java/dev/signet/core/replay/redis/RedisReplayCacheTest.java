package dev.signet.core.replay.redis;

import dev.signet.core.replay.MutableClock;
import dev.signet.core.replay.ReplayCache;
import dev.signet.core.replay.ReplayCacheContract;
import dev.signet.core.testing.RedisTopology;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Against a real redis-server, single and clustered: expiry is Redis's own PX TTL, so the expiry test lets real time
 * pass too.
 */
@ParameterizedClass
@EnumSource(RedisTopology.class)
class RedisReplayCacheTest extends ReplayCacheContract {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final ReplayCache cache;

    RedisReplayCacheTest(RedisTopology redis) {
        cache = new RedisReplayCache(redis.commands(), clock);
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
