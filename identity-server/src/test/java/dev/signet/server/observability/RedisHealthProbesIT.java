package dev.signet.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.RedisServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedisHealthProbesIT extends RedisServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readinessIncludesTheDatabaseAndRedis() throws Exception {
        JsonNode components = get("/actuator/health/readiness").path("components");

        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessStillDependsOnNoExternalServer() throws Exception {
        assertThat(get("/actuator/health/liveness").path("components").propertyNames())
                .containsExactly("livenessState");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
