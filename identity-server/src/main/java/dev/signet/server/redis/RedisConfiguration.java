package dev.signet.server.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce, when {@code signet.redis.url} is set. Features choose their Redis adapter when a
 * {@code StatefulRedisConnection<String, String>} bean exists (ask for it with {@code ObjectProvider}) and their
 * in-memory adapter otherwise. One thread-safe connection is shared: Lettuce multiplexes commands over it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
public class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(RedisProperties properties) {
        return RedisClient.create(RedisURI.create(properties.url()));
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }
}
