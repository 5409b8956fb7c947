package dev.signet.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.RedisSentinelGroup;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.TestBrowser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signet on Redis behind Sentinel, for real: a master, a replica and three sentinels, each a redis-server process. The
 * master is killed (SIGKILL); the sentinels promote the replica, and Signet, which asks the sentinels for the master
 * on every reconnection, follows it: the session, the refresh token and the account written before the failover
 * (and replicated) keep working, and new sign-ins work.
 */
class RedisSentinelFailoverIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final RedisSentinelGroup REDIS = RedisSentinelGroup.start();
    /** Attempts while waiting for the server's Redis connections to come back (each a quick request). */
    private static final int MAX_ATTEMPTS = 200;

    @DynamicPropertySource
    static void sentinelRedis(DynamicPropertyRegistry registry) {
        registry.add("signet.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @Test
    void whenTheMasterIsKilledSignetFollowsThePromotedReplicaAndWhatWasWrittenBeforeStillWorks() throws Exception {
        String email = uniqueEmail("sentinel");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        JsonNode tokens = ServiceSignIn.signIn(browser, baseUrl(), email, PASSWORD);
        assertThat(browser.get("/account").status()).isEqualTo(200);
        REDIS.awaitReplicated();

        REDIS.killMaster();
        REDIS.awaitFailover();
        assertThat(REDIS.masterPortsNamedBySentinels()).containsOnly(REDIS.replicaPort());

        ServiceSignIn.awaitReadiness(baseUrl(), 200);
        // The session written on the old master, read from the new one (waiting out the reconnection of the
        // session store's own connection, which a request may still find disconnected).
        TestBrowser.Page account = awaitAnswer(browser, "/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains(email);
        // The refresh token's state, and a rotation written to the new master.
        HttpResponse<String> refreshed = ServiceSignIn.refresh(baseUrl(), tokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        // A whole new sign-in on the new master.
        JsonNode fresh = ServiceSignIn.signIn(browser(), baseUrl(), email, PASSWORD);
        assertThat(fresh.path("id_token").asString()).isNotBlank();
    }

    private static TestBrowser.Page awaitAnswer(TestBrowser browser, String path) throws Exception {
        TestBrowser.Page page = browser.get(path);
        for (int attempt = 0; page.status() == 503 && attempt < MAX_ATTEMPTS; attempt++) {
            Thread.sleep(100);
            page = browser.get(path);
        }
        return page;
    }
}
