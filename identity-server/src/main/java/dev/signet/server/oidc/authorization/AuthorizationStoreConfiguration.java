package dev.signet.server.oidc.authorization;

import dev.signet.server.oidc.authorization.jdbc.JdbcAuthorizationStore;
import dev.signet.server.oidc.authorization.redis.RedisAuthorizationStore;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's {@code OAuth2AuthorizationService}: Redis when {@code signet.redis.url} is set (several
 * instances share codes and tokens), PostgreSQL otherwise (the embedded default keeps them across restarts).
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationStoreConfiguration {

    @Bean
    AuthorizationStore authorizationStore(ObjectProvider<RedisClusterCommands<String, String>> redis,
            DataSource dataSource, RegisteredClientRepository clients, Clock clock) {
        RedisClusterCommands<String, String> connection = redis.getIfAvailable();
        return new RequestScopedAuthorizationStore(connection != null
                ? new RedisAuthorizationStore(connection, clock)
                : new JdbcAuthorizationStore(dataSource, clients, clock));
    }
}
