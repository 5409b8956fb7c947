package dev.signet.core.replay.redis;

import dev.signet.core.replay.ReplayCache;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link ReplayCache} in Redis, shared by every identity-server instance: {@code SET key 1 NX PX ttl} is atomic, so
 * exactly one of several racing instances sees the id first.
 */
public final class RedisReplayCache implements ReplayCache {

    private static final String PREFIX = "signet:replay:";

    private final StatefulRedisConnection<String, String> connection;
    private final Clock clock;

    public RedisReplayCache(StatefulRedisConnection<String, String> connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
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
        String reply = connection.sync().set(PREFIX + namespace + ':' + id, "1", SetArgs.Builder.nx().px(ttlMillis));
        return "OK".equals(reply);
    }
}
