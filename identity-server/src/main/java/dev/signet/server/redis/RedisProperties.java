package dev.signet.server.redis;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code signet.redis.url}: where shared, expiring state lives when several identity-server instances serve one
 * citizen (sessions, authorization state, one-time codes, counters, replay caches). Unset: the embedded default keeps
 * that state in the process. Lettuce URI syntax, e.g. {@code redis://:password@host:6379/0} or {@code rediss://...}.
 *
 * <p>{@code signet.redis.timeout} bounds every wait on Redis (connecting, and each command), so that a request fails
 * with a 503 instead of hanging when Redis is down or stalled. {@code signet.redis.max-reconnect-delay} caps the wait
 * between reconnection attempts, which bounds how long the server stays unavailable after Redis is back.
 */
@ConfigurationProperties("signet.redis")
public record RedisProperties(URI url, @DefaultValue("2s") Duration timeout,
        @DefaultValue("1s") Duration maxReconnectDelay) {

    public RedisProperties {
        if (url != null && !(url.getScheme() != null && url.getScheme().startsWith("redis"))) {
            throw new IllegalArgumentException("signet.redis.url must be a redis:// or rediss:// URL, but was '" + url
                    + "'");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("signet.redis.timeout must be positive, but was " + timeout);
        }
        if (maxReconnectDelay == null || maxReconnectDelay.isNegative() || maxReconnectDelay.isZero()) {
            throw new IllegalArgumentException("signet.redis.max-reconnect-delay must be positive, but was "
                    + maxReconnectDelay);
        }
    }
}
