package dev.signet.server.redis;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signet.redis.url}: where shared, expiring state lives when several identity-server instances serve one
 * citizen (sessions, authorization state, one-time codes, counters, replay caches). Unset: the embedded default keeps
 * that state in the process. Lettuce URI syntax, e.g. {@code redis://:password@host:6379/0} or {@code rediss://...}.
 */
@ConfigurationProperties("signet.redis")
public record RedisProperties(URI url) {

    public RedisProperties {
        if (url != null && !(url.getScheme() != null && url.getScheme().startsWith("redis"))) {
            throw new IllegalArgumentException("signet.redis.url must be a redis:// or rediss:// URL, but was '" + url
                    + "'");
        }
    }
}
