package dev.signet.server.testing;

import dev.signet.admin.AdminApiApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API as its own Spring application next to the identity-server under test, on the same database and
 * trusting its tokens, with a client for it: an operator client's client-credentials token from identity-server
 * (the test relying parties' secret) and JSON requests with an Idempotency-Key.
 */
public final class AdminApiServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The secret of the test operator clients in signet/test-relying-parties.yml. */
    private static final String OPERATOR_SECRET = "test-secret-value";

    private final ConfigurableApplicationContext context;
    private final String signetUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private AdminApiServer(ConfigurableApplicationContext context, String signetUrl) {
        this.context = context;
        this.signetUrl = signetUrl;
    }

    /** Starts the admin API for the identity-server at {@code signetUrl} with the environment {@code signet}. */
    public static AdminApiServer start(Environment signet, String signetUrl) {
        Map<String, Object> settings = new HashMap<>();
        // Not identity-server's application.yml, which is first on this class path: only what is given here.
        settings.put("spring.config.name", "admin-api-keycloak-import");
        settings.put("server.port", "0");
        settings.put("spring.application.name", "signet-admin-api");
        settings.put("spring.datasource.url", signet.getRequiredProperty("spring.datasource.url"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.flyway.locations", "classpath:db/migration");
        settings.put("spring.flyway.out-of-order", "true");
        settings.put("spring.mvc.problemdetails.enabled", "true");
        settings.put("signet.admin.issuer", signet.getRequiredProperty("signet.issuer"));
        settings.put("signet.admin.jwk-set-uri", signetUrl + "/oauth2/jwks");
        settings.put("signet.admin.audience", signet.getRequiredProperty("signet.admin-api.audience"));
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
        return new AdminApiServer(new SpringApplicationBuilder(AdminApiApplication.class).properties(settings).run(),
                signetUrl);
    }

    public String url() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A client-credentials access token for the test operator client {@code clientId} with {@code scope}. */
    public String operatorToken(String clientId, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + OPERATOR_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(signetUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("No operator token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + token)
                .header("User-Agent", "admin-api-test/1.0").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs JSON with a fresh Idempotency-Key. */
    public HttpResponse<String> post(String path, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + token)
                .header("User-Agent", "admin-api-test/1.0").header("Content-Type", "application/json")
                .header("Idempotency-Key", "\"" + UUID.randomUUID() + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        context.close();
    }
}
