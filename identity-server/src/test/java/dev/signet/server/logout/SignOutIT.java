package dev.signet.server.logout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-out pages, the logout endpoint's refusals, and logout metadata, over HTTP against the running server. */
class SignOutIT extends ServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryAdvertisesEndSessionRevocationIntrospectionAndBackChannelLogout() throws Exception {
        JsonNode metadata = JsonMapper.builder().build().readTree(get("/.well-known/openid-configuration").body());

        String issuer = metadata.get("issuer").asString();
        assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");
        assertThat(metadata.get("revocation_endpoint").asString()).isEqualTo(issuer + "/oauth2/revoke");
        assertThat(metadata.get("introspection_endpoint").asString()).isEqualTo(issuer + "/oauth2/introspect");
        assertThat(metadata.get("backchannel_logout_supported").asBoolean()).isTrue();
        assertThat(metadata.get("backchannel_logout_session_supported").asBoolean()).isTrue();
    }

    @Test
    void signOutWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sign-out"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void someoneNotSignedInIsShownTheSignedOutPageInEnglishOrWelsh() throws Exception {
        HttpResponse<String> confirm = get("/sign-out");
        assertThat(confirm.statusCode()).isEqualTo(302);
        assertThat(confirm.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/signed-out"));

        assertThat(get("/signed-out").body()).contains("You have signed out").doesNotContain("Exception");
        assertThat(get("/signed-out?lang=cy").body()).contains("Rydych wedi allgofnodi");
    }

    @Test
    void logoutRequestWithAnIdTokenHintSignetDidNotIssueNeverRedirectsToTheGivenUri() throws Exception {
        HttpResponse<String> response = get("/connect/logout?id_token_hint=" + encode("eyJhbGciOiJub25lIn0.e30.")
                + "&post_logout_redirect_uri=" + encode("https://attacker.example/landing") + "&state=xyz");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/signed-out").doesNotContain("attacker"));
    }

    @Test
    void logoutRequestWithoutIdTokenHintNeverRedirectsToTheGivenUri() throws Exception {
        HttpResponse<String> response = get("/connect/logout?post_logout_redirect_uri="
                + encode("https://attacker.example/landing"));

        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContain("attacker"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
