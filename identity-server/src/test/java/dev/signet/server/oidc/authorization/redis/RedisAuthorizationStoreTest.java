package dev.signet.server.oidc.authorization.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.RedisTestServer;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.AuthorizationStoreContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

class RedisAuthorizationStoreTest extends AuthorizationStoreContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisAuthorizationStore store;

    @BeforeAll
    static void redis() {
        client = RedisClient.create(RedisTestServer.uri());
        connection = client.connect();
        store = new RedisAuthorizationStore(connection, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
    }

    @Override
    protected AuthorizationStore store() {
        return store;
    }

    @Test
    void keysNameTokensOnlyByHashAndExpireWithTheLongestLivedToken() {
        OAuth2Authorization saved = granted(citizen(), "sid-keys");
        store.save(saved);

        List<String> keys = connection.sync().keys("signet:authz:*");
        String refresh = saved.getRefreshToken().getToken().getTokenValue();
        String access = saved.getAccessToken().getToken().getTokenValue();
        assertThat(keys).noneMatch(key -> key.contains(refresh) || key.contains(access));
        long ttl = connection.sync().pttl("signet:authz:" + saved.getId());
        // The refresh token lives 8 hours, longer than every other token.
        assertThat(ttl).isBetween(Duration.ofHours(7).toMillis(), Duration.ofHours(8).toMillis());
    }
}
