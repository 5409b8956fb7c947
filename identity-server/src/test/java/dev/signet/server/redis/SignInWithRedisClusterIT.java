package dev.signet.server.redis;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.testing.RedisTestCluster;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.RequestScopedAuthorizationStore;
import dev.signet.server.oidc.authorization.redis.RedisAuthorizationStore;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole server on a real three-node Redis Cluster ({@code signet.redis.url=redis-cluster://...}): a citizen sent
 * by a relying party signs in, the relying party exchanges the code and refreshes the tokens. Sessions (with their
 * principal index), authorization state, attempt counters and replay caches all live in the cluster.
 */
class SignInWithRedisClusterIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void redisCluster(DynamicPropertyRegistry registry) {
        registry.add("signet.redis.url", RedisTestCluster::url);
    }

    @Autowired
    RedisClusterCommands<String, String> redis;

    @Autowired
    AuthorizationStore authorizationStore;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void aCitizenSignsInAtARelyingPartyAndItsTokensRefreshWithAllStateInTheCluster() throws Exception {
        Account account = existingAccount(uniqueEmail("cluster"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();

        TestBrowser.Page authorize = browser.get(authorize());
        assertThat(authorize.location()).endsWith("/sign-in");
        TestBrowser.Page afterPassword = browser.signIn(account.email(), PASSWORD);
        assertThat(afterPassword.location()).contains("/oauth2/authorize");
        JsonNode tokens = exchange(baseUrl(), code(browser.get(afterPassword.location())));

        assertThat(idToken(tokens).getClaim("sid")).isNotNull();
        JsonNode refreshed = refresh(tokens.get("refresh_token").asString());
        assertThat(refreshed.get("access_token").asString()).isNotBlank()
                .isNotEqualTo(tokens.get("access_token").asString());

        assertThat(authorizationStore).isInstanceOfSatisfying(RequestScopedAuthorizationStore.class,
                store -> assertThat(store.delegate()).isInstanceOf(RedisAuthorizationStore.class));
        assertThat(redis.keys("signet:authz:{*}")).isNotEmpty();
        assertThat(redis.keys("signet:session:sessions:*")).isNotEmpty();
        assertThat(sessions.findByPrincipalName(account.id().toString())).isNotEmpty();
    }

    /**
     * Spring Session learns that a session ended from Redis key-event notifications, which a cluster publishes only on
     * the node holding the key. Several sessions of one account land on different nodes; deleting their expiry keys
     * (as Redis does when they expire) must take every one of them out of the account's index.
     */
    @Test
    void endedSessionsLeaveTheAccountIndexWhicheverNodeHoldsThem() throws Exception {
        Account account = existingAccount(uniqueEmail("cluster-index"), PASSWORD, AccountStatus.ACTIVE);
        Set<String> ids = Set.of();
        // Session ids are random: sign in again until the sessions are held by at least two nodes.
        for (int i = 0; i < 12 && nodesHolding(ids) < 2; i++) {
            assertThat(browser().signIn(account.email(), PASSWORD).location()).endsWith("/account");
            ids = sessions.findByPrincipalName(account.id().toString()).keySet();
        }
        assertThat(nodesHolding(ids)).as("nodes holding the sessions " + ids).isGreaterThan(1);

        ids.forEach(id -> redis.del("signet:session:sessions:expires:" + id));

        // The notifications arrive asynchronously; the deadline only stops a failure from hanging the build.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!sessions.findByPrincipalName(account.id().toString()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sessions.findByPrincipalName(account.id().toString())).isEmpty();
    }

    private long nodesHolding(Set<String> sessionIds) {
        return sessionIds.stream().map(id -> SlotHash.getSlot("signet:session:sessions:expires:" + id))
                .map(this::redisNodeOf).distinct().count();
    }

    private String redisNodeOf(int slot) {
        return redis.clusterNodes().lines().filter(line -> line.contains("master"))
                .filter(line -> servesSlot(line, slot)).findFirst().orElseThrow().split(" ")[0];
    }

    private static boolean servesSlot(String nodeLine, int slot) {
        String[] fields = nodeLine.split(" ");
        for (int i = 8; i < fields.length; i++) {
            String[] range = fields[i].split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            if (slot >= from && slot <= to) {
                return true;
            }
        }
        return false;
    }

    private JsonNode refresh(String refreshToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SecretClient.ID + ":test-secret-value").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "refresh_token",
                        "refresh_token", refreshToken)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static String authorize() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SecretClient.ID);
        parameters.put("redirect_uri", SecretClient.CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        return "/oauth2/authorize?" + form(parameters);
    }
}
