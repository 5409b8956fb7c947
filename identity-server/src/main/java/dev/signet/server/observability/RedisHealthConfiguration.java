package dev.signet.server.observability;

import io.lettuce.core.api.StatefulConnection;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code redis} health contributor (readiness group), present only when Redis is configured. Conditional on the
 * same property as {@code RedisConfiguration}, which creates the connection, rather than on the bean, because a bean
 * condition in a user configuration depends on the order in which configurations are read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
public class RedisHealthConfiguration {

    /** Long enough for a healthy Redis on a busy network, short enough for a probe that runs every few seconds. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    RedisHealthIndicator redisHealthIndicator(StatefulConnection<String, String> redisConnection) {
        return new RedisHealthIndicator(redisConnection, PING_TIMEOUT);
    }
}
