package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.replay.ReplayCache;
import dev.signet.core.replay.redis.RedisReplayCache;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.testing.RedisServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With Redis configured, assertion jti values are remembered in Redis, shared by every instance. */
class ClientAuthenticationRedisIT extends RedisServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private SignetProperties signet;

    @Autowired
    private ReplayCache replayCache;

    private int tokenStatus(String assertion) throws Exception {
        String form = ClientTestSupport.form(Map.of("grant_type", "client_credentials", "client_id", "test-pkjwt",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void replayIsRefusedThroughRedis() throws Exception {
        assertThat(replayCache).isInstanceOf(RedisReplayCache.class);
        Instant now = Instant.now();
        String jti = UUID.randomUUID().toString();
        String assertion = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(), new JWTClaimsSet.Builder()
                .issuer("test-pkjwt").subject("test-pkjwt").audience(signet.issuer().toString())
                .expirationTime(Date.from(now.plusSeconds(60))).jwtID(jti).build());

        assertThat(tokenStatus(assertion)).isEqualTo(200);
        assertThat(tokenStatus(assertion)).isEqualTo(401);
        // The id is in Redis: any other instance would refuse it too.
        assertThat(replayCache.firstUse("client-assertion:test-pkjwt", jti, now.plusSeconds(60))).isFalse();
    }
}
