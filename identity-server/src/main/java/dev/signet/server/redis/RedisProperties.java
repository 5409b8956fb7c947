package dev.signet.server.redis;

import dev.signet.core.redis.RedisConnectionSettings;
import dev.signet.core.redis.RedisEndpoint;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code signet.redis.url}: where shared, expiring state lives when several identity-server instances serve one
 * citizen (sessions, authorization state, one-time codes, counters, replay caches). Unset: the embedded default keeps
 * that state in the process. A single server ({@code redis://}, {@code rediss://}), a master behind Sentinel
 * ({@code redis-sentinel://...#master}) or a Redis Cluster ({@code redis-cluster://host:port,host:port,...}); see
 * {@link RedisEndpoint}.
 *
 * <p>{@code timeout} bounds each command and {@code connect-timeout} each connection attempt, so that a request fails
 * with a 503 instead of hanging when Redis is down or stalled. {@code max-reconnect-delay} caps the wait between
 * reconnection attempts, which bounds how long the server stays unavailable after Redis is back.
 * {@code cluster-refresh-period} is how often a Cluster client re-reads the topology even when nothing went wrong; it
 * also re-reads it at once on a redirection or a lost node.
 */
@ConfigurationProperties("signet.redis")
public record RedisProperties(URI url, @DefaultValue("2s") Duration timeout, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("1s") Duration maxReconnectDelay, @DefaultValue("30s") Duration clusterRefreshPeriod) {

    public RedisProperties {
        if (url != null) {
            RedisEndpoint.parse(url.toString());
        }
        requirePositive("signet.redis.timeout", timeout);
        requirePositive("signet.redis.connect-timeout", connectTimeout);
        requirePositive("signet.redis.max-reconnect-delay", maxReconnectDelay);
        requirePositive("signet.redis.cluster-refresh-period", clusterRefreshPeriod);
    }

    /** The endpoint {@link #url()} names; only when it is set. */
    public RedisEndpoint endpoint() {
        return RedisEndpoint.parse(url.toString());
    }

    /** How Signet's Lettuce clients connect; only when {@link #url()} is set. */
    public RedisConnectionSettings connection() {
        return new RedisConnectionSettings(endpoint(), timeout, connectTimeout, clusterRefreshPeriod);
    }

    private static void requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, such as 2s, but was " + value);
        }
    }
}
