package dev.signet.server.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce, when {@code signet.redis.url} is set (a single server, Sentinel or a Cluster: {@link RedisEndpoint}).
 * Features choose their Redis adapter when a {@code RedisClusterCommands<String, String>} bean exists (ask for it with
 * {@code ObjectProvider}) and their in-memory adapter otherwise: the command interface a single-server connection and
 * a cluster connection both offer. One thread-safe connection is shared: Lettuce multiplexes commands over it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
public class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    AbstractRedisClient redisClient(RedisProperties properties) {
        return LettuceClients.create(properties);
    }

    @Bean(destroyMethod = "close")
    StatefulConnection<String, String> redisConnection(AbstractRedisClient client) {
        return LettuceClients.connect(client);
    }

    @Bean
    RedisClusterCommands<String, String> redisCommands(StatefulConnection<String, String> connection) {
        return LettuceClients.commands(connection);
    }
}
