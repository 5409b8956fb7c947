package dev.signet.server.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.AdminApiApplication;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API end to end: this identity-server (real PostgreSQL) issues an operator client real client-credentials
 * tokens, and the admin API, started here as its own Spring application on the same database, accepts them: an
 * operator finds a citizen who has just signed in, sees that sign-in, and checks the audit log's chain.
 */
class AdminApiEndToEndIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext adminApi;
    private static int adminPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private Environment environment;

    @BeforeEach
    void startAdminApi() {
        synchronized (AdminApiEndToEndIT.class) {
            if (adminApi != null) {
                return;
            }
            Map<String, Object> settings = new HashMap<>();
            // Not identity-server's application.yml, which is first on this class path: only what is given here.
            settings.put("spring.config.name", "admin-api-end-to-end");
            settings.put("server.port", "0");
            settings.put("spring.application.name", "signet-admin-api");
            settings.put("spring.datasource.url", environment.getRequiredProperty("spring.datasource.url"));
            settings.put("spring.datasource.username", "postgres");
            settings.put("spring.flyway.locations", "classpath:db/migration");
            settings.put("spring.mvc.problemdetails.enabled", "true");
            settings.put("signet.admin.issuer", environment.getRequiredProperty("signet.issuer"));
            settings.put("signet.admin.jwk-set-uri", baseUrl() + "/oauth2/jwks");
            settings.put("signet.admin.audience", environment.getRequiredProperty("signet.admin-api.audience"));
            settings.put("springdoc.api-docs.enabled", "true");
            // identity-server's dependencies are on this class path too; the admin API uses none of them.
            settings.put("spring.autoconfigure.exclude", String.join(",",
                    "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                            + "OAuth2AuthorizationServerAutoConfiguration",
                    "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                            + "OAuth2AuthorizationServerJwtAutoConfiguration",
                    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.health."
                            + "DataRedisHealthContributorAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.health."
                            + "DataRedisReactiveHealthContributorAutoConfiguration",
                    "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration"));
            adminApi = new SpringApplicationBuilder(AdminApiApplication.class).properties(settings).run();
            adminPort = ((WebServerApplicationContext) adminApi).getWebServer().getPort();
        }
    }

    @AfterAll
    static void stopAdminApi() {
        if (adminApi != null) {
            adminApi.close();
            adminApi = null;
        }
    }

    @Test
    void anOperatorFindsACitizenSeesTheirSignInAndChecksTheAuditLog() throws Exception {
        String email = uniqueEmail("operated");
        Account account = existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        assertThat(browser().signIn(email, "correct horse battery").location()).endsWith("/account");
        String token = clientCredentialsToken("test-operator", "admin.read audit.read");

        JsonNode found = JSON.readTree(adminGet("/accounts?email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8), token).body());
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(account.id().toString());

        JsonNode view = awaitSignInShown(account, token);
        JsonNode signIn = view.get("recent_sign_ins").get(0);
        assertThat(signIn.get("type").asString()).isEqualTo("sign_in.succeeded");
        assertThat(signIn.get("details").get("level").asString()).isEqualTo("Cl");
        assertThat(signIn.get("client_address").asString()).isEqualTo("127.0.0.1");

        JsonNode operatorActions = JSON.readTree(adminGet("/audit?actor=test-operator&account=" + account.id(),
                token).body());
        assertThat(operatorActions.get("items").get(0).get("type").asString()).isEqualTo("operator.account.viewed");

        HttpResponse<String> verify = adminGet("/audit/verify", token);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verify.body()).get("status").asString()).isEqualTo("intact");
    }

    @Test
    void signetsTokenCarriesOnlyTheScopesTheOperatorClientHas() throws Exception {
        String reader = clientCredentialsToken("test-operator-reader", "admin.read");

        assertThat(adminGet("/accounts?email=nobody@example.com", reader).statusCode()).isEqualTo(200);
        HttpResponse<String> audit = adminGet("/audit", reader);
        assertThat(audit.statusCode()).isEqualTo(403);
        assertThat(audit.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
    }

    @Test
    void aSignetTokenForAnotherServiceIsRefused() throws Exception {
        // test-secret has client credentials but no admin scope: its token does not name the admin API.
        String other = clientCredentialsToken("test-secret", "read");

        assertThat(adminGet("/accounts?email=nobody@example.com", other).statusCode()).isEqualTo(401);
    }

    private JsonNode awaitSignInShown(Account account, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            HttpResponse<String> response = adminGet("/accounts/" + account.id(), token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).isPresent();
            JsonNode view = JSON.readTree(response.body());
            if (!view.get("recent_sign_ins").isEmpty() || Instant.now().isAfter(deadline)) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    private String clientCredentialsToken(String clientId, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":test-secret-value")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> adminGet(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "operator-e2e/1.0")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
