package dev.signet.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServerStartsIT extends ServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryDocumentNamesTheConfiguredIssuer() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\":\"http://localhost:8080\"");
    }

    @Test
    void unknownPageIsAPlainLanguagePageNotAStackTrace() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/no-such-page")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("We could not find that page").doesNotContain("Exception");
    }

    @Test
    void welshIsChosenWithTheLangParameter() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/no-such-page?lang=cy")).header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("lang=\"cy\"").contains("ddrwg gennym, mae problem");
    }

    @Test
    void tokenEndpointWithoutClientCredentialsOrAcceptHeaderAnswers401NotASignInRedirect() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
