package dev.signet.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HealthProbesIT extends ServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readinessIncludesTheDatabase() throws Exception {
        JsonNode readiness = get("/actuator/health/readiness");

        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");
        // No Redis is configured here, so there is no redis component to wait for.
        assertThat(readiness.path("components").has("redis")).isFalse();
    }

    @Test
    void livenessDependsOnNoExternalServer() throws Exception {
        JsonNode liveness = get("/actuator/health/liveness");

        assertThat(liveness.path("status").asString()).isEqualTo("UP");
        assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
