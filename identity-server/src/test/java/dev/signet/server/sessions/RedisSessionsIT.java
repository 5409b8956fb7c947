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
import java.util.Set;
import java.util.stream.Collectors;
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
    void keyspaceEventsAreHandledOnOneLongLivedThreadNotOneThreadEach() throws InterruptedException {
        // Every DEL is a keyspace event that Spring Session's listener receives.
        for (int i = 0; i < 5; i++) {
            redis.set("signet:test:deleted:" + i, "x");
            redis.del("signet:test:deleted:" + i);
        }
        Set<String> listeners = listenerThreads();
        for (int tries = 0; tries < 100 && listeners.isEmpty(); tries++) {
            Thread.sleep(100);
            listeners = listenerThreads();
        }
        assertThat(listeners).containsExactly("session-events-1");
    }

    private static Set<String> listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("session-events-")
                        || name.startsWith("springSessionRedisMessageListenerContainer-"))
                .collect(Collectors.toSet());
    }

    @Test
    void authorizationStateIsInRedis() {
        assertThat(authorizationStore).isInstanceOfSatisfying(RequestScopedAuthorizationStore.class,
                store -> assertThat(store.delegate()).isInstanceOf(RedisAuthorizationStore.class));
    }
}
