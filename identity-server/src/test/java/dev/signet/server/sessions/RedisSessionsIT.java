package dev.signet.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.RequestScopedAuthorizationStore;
import dev.signet.server.oidc.authorization.redis.RedisAuthorizationStore;
import dev.signet.server.testing.RedisServerIntegrationTest;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With signet.redis.url set: HTTP sessions and authorization state live in Redis. */
class RedisSessionsIT extends RedisServerIntegrationTest {

    @Autowired
    RedisClusterCommands<String, String> redis;

    @Autowired
    AuthorizationStore authorizationStore;

    @Test
    void sessionIsStoredInRedisUnderTheCookiesSessionId() throws Exception {
        String cookie = SessionCookieIT.sessionCookie(HttpClient.newHttpClient(), baseUrl());

        assertThat(cookie).startsWith("signet-session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        String value = cookie.substring("signet-session=".length(), cookie.indexOf(';'));
        String sessionId = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        assertThat(redis.exists("signet:session:sessions:" + sessionId)).isEqualTo(1L);
    }

    @Test
    void authorizationStateIsInRedis() {
        assertThat(authorizationStore).isInstanceOfSatisfying(RequestScopedAuthorizationStore.class,
                store -> assertThat(store.delegate()).isInstanceOf(RedisAuthorizationStore.class));
    }
}
