package dev.signet.core.replay.redis;

import dev.signet.core.replay.ReplayCache;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link ReplayCache} in Redis, shared by every identity-server instance: {@code SET key 1 NX PX ttl} is atomic, so
 * exactly one of several racing instances sees the id first. One key per command: the same on a single server and on a
 * Redis Cluster.
 */
public final class RedisReplayCache implements ReplayCache {

    private static final String PREFIX = "signet:replay:";

    private final RedisClusterCommands<String, String> redis;
    private final Clock clock;

    /** {@code redis}: the synchronous commands of a single-server, Sentinel or Cluster connection. */
    public RedisReplayCache(RedisClusterCommands<String, String> redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String namespace, String id, Instant expiresAt) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        long ttlMillis = Duration.between(clock.instant(), expiresAt).toMillis();
        if (ttlMillis <= 0) {
            return true;
        }
        String reply = redis.set(PREFIX + namespace + ':' + id, "1", SetArgs.Builder.nx().px(ttlMillis));
        return "OK".equals(reply);
    }
}
