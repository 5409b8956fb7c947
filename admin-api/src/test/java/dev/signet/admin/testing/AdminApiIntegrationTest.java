package dev.signet.admin.testing;

import dev.signet.core.testing.PostgresTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API on a random port, on a real PostgreSQL database it migrates itself, trusting {@link LocalSignet}'s
 * keys. Subclasses without extra configuration share one Spring context and one database: use unique data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AdminApiIntegrationTest {

    protected static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();

    private static String databaseUrl;

    protected static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = PostgresTestServer.newEmptyDatabaseUrl();
        }
        return databaseUrl;
    }

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", AdminApiIntegrationTest::databaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("signet.admin.issuer", () -> LocalSignet.get().issuer());
        // Test-only key-encryption key (identity-server's test value), so connectors' secret settings can be sealed.
        registry.add("signet.admin.connectors.encryption-key", () -> "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=");
    }

    protected LocalSignet signet() {
        return LocalSignet.get();
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", "admin-api-test/1.0");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
