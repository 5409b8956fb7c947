package dev.signet.core.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a Signet service connects to Redis: where ({@link RedisEndpoint}, from {@code signet.redis.url}) and its
 * time limits ({@code signet.redis.timeout}, {@code connect-timeout}, {@code cluster-refresh-period}).
 *
 * @param timeout              bounds every command, synchronous or not
 * @param connectTimeout       bounds each attempt to open a connection
 * @param clusterRefreshPeriod Cluster only: how often the topology is re-read even when nothing went wrong
 */
public record RedisConnectionSettings(RedisEndpoint endpoint, Duration timeout, Duration connectTimeout,
        Duration clusterRefreshPeriod) {

    public RedisConnectionSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        requirePositive("signet.redis.timeout", timeout);
        requirePositive("signet.redis.connect-timeout", connectTimeout);
        requirePositive("signet.redis.cluster-refresh-period", clusterRefreshPeriod);
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, such as 2s, but was " + value);
        }
    }
}
