package dev.signet.admin.sessions;

import dev.signet.core.redis.RedisConnectionSettings;
import dev.signet.core.redis.RedisEndpoint;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code signet.redis.url}: identity-server's Redis, the same URL identity-server has (a single server, Sentinel or a
 * Cluster: {@link RedisEndpoint}), from which the account view reads an account's live sessions. Unset, or when
 * identity-server keeps sessions in its own memory (the embedded default), the view says that live sessions are not
 * available. {@code timeout} bounds each command and {@code connect-timeout} each connection attempt, so a Redis that
 * is down makes a view say "not available" at once rather than hang.
 */
@ConfigurationProperties("signet.redis")
public record AdminRedisProperties(URI url, @DefaultValue("2s") Duration timeout,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration clusterRefreshPeriod) {

    public AdminRedisProperties {
        if (url != null) {
            RedisEndpoint.parse(url.toString());
        }
    }

    /** How to connect; only when {@link #url()} is set. */
    RedisConnectionSettings connection() {
        return new RedisConnectionSettings(RedisEndpoint.parse(url.toString()), timeout, connectTimeout,
                clusterRefreshPeriod);
    }
}
