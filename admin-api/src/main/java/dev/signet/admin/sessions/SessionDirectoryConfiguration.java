package dev.signet.admin.sessions;

import dev.signet.core.redis.LettuceClients;
import dev.signet.core.sessions.AccountSessionDirectory;
import dev.signet.core.sessions.redis.RedisAccountSessionDirectory;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An account's live sessions, read from identity-server's Redis when {@code signet.redis.url} is set; no
 * {@link AccountSessionDirectory} otherwise. Values are read as raw bytes: Spring Session writes them with Java
 * serialisation, which the directory decodes for strings and numbers only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
public class SessionDirectoryConfiguration {

    @Bean(destroyMethod = "shutdown")
    ClientResources sessionDirectoryClientResources() {
        return ClientResources.create();
    }

    @Bean(destroyMethod = "shutdown")
    AbstractRedisClient sessionDirectoryClient(AdminRedisProperties properties, ClientResources resources) {
        return LettuceClients.create(properties.connection(), resources);
    }

    @Bean(destroyMethod = "close")
    StatefulConnection<String, byte[]> sessionDirectoryConnection(AbstractRedisClient client) {
        return LettuceClients.connect(client, RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @Bean
    AccountSessionDirectory accountSessionDirectory(StatefulConnection<String, byte[]> connection, Clock clock) {
        return new RedisAccountSessionDirectory(LettuceClients.commands(connection), clock);
    }
}
