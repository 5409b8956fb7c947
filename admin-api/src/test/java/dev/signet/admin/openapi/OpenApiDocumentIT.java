package dev.signet.admin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentIT extends AdminApiIntegrationTest {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndTheBearerScheme() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").propertyNames()).contains("/accounts", "/accounts/{id}", "/audit",
                "/audit/verify", "/audit/export");
        assertThat(document.get("components").get("securitySchemes").get("signet").get("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html", null);
        assertThat(redirect.statusCode()).isIn(200, 302);

        HttpResponse<String> page = get("/swagger-ui/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
