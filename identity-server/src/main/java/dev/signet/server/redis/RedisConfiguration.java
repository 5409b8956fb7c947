package dev.signet.server.redis;

import dev.signet.core.redis.LettuceClients;
import dev.signet.core.redis.RedisEndpoint;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce, when {@code signet.redis.url} is set (a single server, Sentinel or a Cluster: {@link RedisEndpoint}).
 * Features choose their Redis adapter when a {@code RedisClusterCommands<String, String>} bean exists (ask for it with
 * {@code ObjectProvider}) and their in-memory adapter otherwise: the command interface a single-server connection and
 * a cluster connection both offer. One thread-safe connection is shared: Lettuce multiplexes commands over it.
 *
 * <p>Both Lettuce clients (this one and Spring Session's) fail fast while Redis is unreachable instead of queueing
 * commands for Lettuce's default 60 seconds: a citizen gets the "service unavailable" page at once, and the server
 * reconnects by itself, at most {@code max-reconnect-delay} after Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
public class RedisConfiguration {

    /** Shared by every Lettuce client of the server (event loops, reconnection policy). */
    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources(RedisProperties properties) {
        return ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), properties.maxReconnectDelay(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    AbstractRedisClient redisClient(RedisProperties properties, ClientResources resources) {
        return LettuceClients.create(properties.connection(), resources);
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
