package dev.signet.server.outage;

import static dev.signet.server.outage.OutageChecks.assertNotReadyWith;
import static dev.signet.server.outage.OutageChecks.assertServiceUnavailablePage;
import static dev.signet.server.outage.OutageChecks.assertSignInCompletesOnceReady;
import static dev.signet.server.outage.OutageChecks.assertTokenEndpointTemporarilyUnavailable;
import static dev.signet.server.outage.OutageChecks.atPasswordStep;
import static dev.signet.server.outage.OutageChecks.submitPassword;
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
        TestBrowser.Page passwordPage = atPasswordStep(browser, email);

        REDIS.stop();

        TestBrowser.Page answer = submitPassword(browser, passwordPage, PASSWORD);
        assertServiceUnavailablePage(answer, "Exception", "at dev.signet", "Redis");
        assertThat(answer.body()).contains("lang=\"en\"");

        TestBrowser.Page welsh = browser().acceptLanguage("cy").get("/sign-in");
        assertThat(welsh.status()).isEqualTo(503);
        assertThat(welsh.body()).contains("Rhowch gynnig arall arni ymhen ychydig funudau").contains("lang=\"cy\"");
    }

    @Test
    void whileRedisIsDownClientsGetA503InTheirProtocolAndReadinessSaysNotReady() throws Exception {
        REDIS.stop();

        HttpResponse<String> token = assertTokenEndpointTemporarilyUnavailable(baseUrl());
        assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(token.headers().firstValue("Retry-After")).contains("10");
        assertThat(token.headers().firstValue("X-Content-Type-Options")).as("security headers survive")
                .contains("nosniff");

        TestBrowser.Page script = browser().postJson(null, "/sign-in", "{}");
        assertThat(script.status()).isEqualTo(503);
        assertThat(script.body()).contains("\"status\":503");

        JsonNode components = assertNotReadyWith(baseUrl(), "redis");
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

        assertSignInCompletesOnceReady(baseUrl(), email, PASSWORD);
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
        TestBrowser.Page passwordPage = atPasswordStep(browser, email);

        REDIS.pause();
        try {
            assertServiceUnavailablePage(submitPassword(browser, passwordPage, PASSWORD), "Exception", "Redis");
            assertTokenEndpointTemporarilyUnavailable(baseUrl());
            assertNotReadyWith(baseUrl(), "redis");
        } finally {
            REDIS.resume();
        }

        assertSignInCompletesOnceReady(baseUrl(), email, PASSWORD);
    }

    private static boolean verifies(SignedJWT token, JWKSet keys) throws Exception {
        JWK key = keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("key " + token.getHeader().getKeyID() + " in the JWKS").isNotNull();
        JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) key);
        return token.verify(verifier);
    }
}
