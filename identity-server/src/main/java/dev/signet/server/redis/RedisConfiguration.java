package dev.signet.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce, when {@code signet.redis.url} is set. Features choose their Redis adapter when a
 * {@code StatefulRedisConnection<String, String>} bean exists (ask for it with {@code ObjectProvider}) and their
 * in-memory adapter otherwise. One thread-safe connection is shared: Lettuce multiplexes commands over it.
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
    RedisClient redisClient(RedisProperties properties, ClientResources resources) {
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.timeout());
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(failFastOptions(properties.timeout()));
        return client;
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }

    /**
     * Reject commands while disconnected (rather than queue them until Redis returns), and time out every command,
     * also asynchronous ones, after {@code timeout}.
     */
    public static ClientOptions failFastOptions(Duration timeout) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build();
    }
}
