package dev.signet.server.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.StoppableRedisServer;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Redis goes away for real (its redis-server process is stopped) while the server runs: sign-in fails closed with a
 * page for people and a 503 for clients, readiness says not ready, tokens already issued still verify against the
 * JWKS, and once Redis is back on its port the server serves again by itself.
 */
class RedisOutageIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final StoppableRedisServer REDIS = StoppableRedisServer.startOnFreePort();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stoppableRedis(DynamicPropertyRegistry registry) {
        registry.add("signet.redis.url", REDIS::uri);
    }

    @AfterEach
    void redisIsBack() throws Exception {
        REDIS.start();
        ServiceSignIn.awaitReadiness(baseUrl(), 200);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @Test
    void whileRedisIsDownACitizenMidJourneyGetsAPlainPageInTheirLanguage() throws Exception {
        String email = uniqueEmail("redis-outage");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        TestBrowser.Page toSignIn = browser.get(ServiceSignIn.authorizePath());
        TestBrowser.Page emailPage = browser.follow(toSignIn);
        TestBrowser.Page passwordPage = browser.follow(browser.submit(emailPage, "/sign-in", Map.of("email", email)));

        REDIS.stop();

        TestBrowser.Page answer = browser.submit(passwordPage, "/sign-in/password", Map.of("password", PASSWORD));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("Sorry, the service is unavailable").contains("lang=\"en\"")
                .doesNotContain("Exception").doesNotContain("at dev.signet").doesNotContain("Redis");

        TestBrowser.Page welsh = browser().acceptLanguage("cy").get("/sign-in");
        assertThat(welsh.status()).isEqualTo(503);
        assertThat(welsh.body()).contains("Rhowch gynnig arall arni ymhen ychydig funudau").contains("lang=\"cy\"");
    }

    @Test
    void whileRedisIsDownClientsGetA503InTheirProtocolAndReadinessSaysNotReady() throws Exception {
        REDIS.stop();

        HttpResponse<String> token = ServiceSignIn.tokenRequest(baseUrl(), Map.of("grant_type", "authorization_code",
                "code", "any-code", "redirect_uri", "https://secret.test.example/callback"));
        assertThat(token.statusCode()).isEqualTo(503);
        assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(ServiceSignIn.json(token).path("error").asString()).isEqualTo("temporarily_unavailable");
        assertThat(token.headers().firstValue("Retry-After")).contains("10");
        assertThat(token.headers().firstValue("X-Content-Type-Options")).as("security headers survive")
                .contains("nosniff");

        TestBrowser.Page script = browser().postJson(null, "/sign-in", "{}");
        assertThat(script.status()).isEqualTo(503);
        assertThat(script.body()).contains("\"status\":503");

        HttpResponse<String> readiness = ServiceSignIn.awaitReadiness(baseUrl(), 503);
        JsonNode components = ServiceSignIn.json(readiness).path("components");
        assertThat(components.path("redis").path("status").asString()).isEqualTo("DOWN");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void tokensIssuedBeforeTheOutageStillVerifyAgainstTheJwksWhileRedisIsDown() throws Exception {
        String email = uniqueEmail("redis-outage-tokens");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        JsonNode tokens = ServiceSignIn.signIn(browser(), baseUrl(), email, PASSWORD);

        REDIS.stop();

        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.body());
        assertThat(verifies(SignedJWT.parse(tokens.get("id_token").asString()), keys)).isTrue();
        assertThat(verifies(SignedJWT.parse(tokens.get("access_token").asString()), keys)).isTrue();
    }

    @Test
    void whenRedisIsBackOnItsPortASignInCompletesWithoutRestartingTheServer() throws Exception {
        String email = uniqueEmail("redis-outage-resume");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        REDIS.stop();
        assertThat(browser().get("/sign-in").status()).isEqualTo(503);

        REDIS.start();
        ServiceSignIn.awaitReadiness(baseUrl(), 200);

        JsonNode tokens = ServiceSignIn.signIn(browser(), baseUrl(), email, PASSWORD);
        assertThat(tokens.path("id_token").asString()).isNotBlank();
    }

    /**
     * A Redis that stalls rather than goes away (its process paused with SIGSTOP: connections stay open, nothing is
     * answered): each request ends at the command timeout ({@code signet.redis.timeout}) with the same 503, and when
     * the process runs again (SIGCONT) the same connection serves again, with no restart and no reconnection.
     */
    @Test
    void whileRedisIsPausedRequestsEndWithA503AndServiceResumesWhenItRunsAgain() throws Exception {
        String email = uniqueEmail("redis-paused");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        TestBrowser.Page emailPage = browser.follow(browser.get(ServiceSignIn.authorizePath()));
        TestBrowser.Page passwordPage = browser.follow(browser.submit(emailPage, "/sign-in", Map.of("email", email)));

        REDIS.pause();
        try {
            TestBrowser.Page answer = browser.submit(passwordPage, "/sign-in/password", Map.of("password", PASSWORD));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).contains("Sorry, the service is unavailable").doesNotContain("Exception")
                    .doesNotContain("Redis");
            HttpResponse<String> token = ServiceSignIn.tokenRequest(baseUrl(), Map.of("grant_type",
                    "authorization_code", "code", "any-code", "redirect_uri", "https://secret.test.example/callback"));
            assertThat(token.statusCode()).isEqualTo(503);
            assertThat(ServiceSignIn.json(token).path("error").asString()).isEqualTo("temporarily_unavailable");
            HttpResponse<String> readiness = ServiceSignIn.awaitReadiness(baseUrl(), 503);
            assertThat(ServiceSignIn.json(readiness).path("components").path("redis").path("status").asString())
                    .isEqualTo("DOWN");
        } finally {
            REDIS.resume();
        }

        ServiceSignIn.awaitReadiness(baseUrl(), 200);
        JsonNode tokens = ServiceSignIn.signIn(browser(), baseUrl(), email, PASSWORD);
        assertThat(tokens.path("id_token").asString()).isNotBlank();
    }

    private static boolean verifies(SignedJWT token, JWKSet keys) throws Exception {
        JWK key = keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("key " + token.getHeader().getKeyID() + " in the JWKS").isNotNull();
        JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key);
        return token.verify(verifier);
    }
}
