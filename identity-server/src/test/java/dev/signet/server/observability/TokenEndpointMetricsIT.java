package dev.signet.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenEndpointMetricsIT extends ServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokenRequestIsTimedByGrantTypeAndStatus() throws Exception {
        double before = sample("signet_oauth2_requests_seconds_count",
                "endpoint=\"token\"", "grant_type=\"client_credentials\"", "status=\"401\"");

        HttpResponse<String> response = postToken("grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(sample("signet_oauth2_requests_seconds_count",
                "endpoint=\"token\"", "grant_type=\"client_credentials\"", "status=\"401\""))
                .isEqualTo(before + 1);
        // The token endpoint publishes a histogram, so percentiles can be computed across instances.
        assertThat(scrape()).containsPattern("signet_oauth2_requests_seconds_bucket\\{[^}]*endpoint=\"token\"");
    }

    @Test
    void issuedTokenIsCountedByGrantTypeAndClient() throws Exception {
        String[] labels = {"grant_type=\"client_credentials\"", "client_id=\"test-secret\""};
        double before = sample("signet_tokens_issued_total", labels);

        HttpResponse<String> response = postToken("grant_type=client_credentials&scope=read",
                "test-secret", "test-secret-value");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\"");
        assertThat(sample("signet_tokens_issued_total", labels)).isEqualTo(before + 1);
        assertThat(sample("signet_oauth2_requests_seconds_count", "endpoint=\"token\"",
                "grant_type=\"client_credentials\"", "status=\"200\"")).isPositive();
    }

    @Test
    void refusedClientIssuesNoTokenAndCreatesNoSeries() throws Exception {
        postToken("grant_type=client_credentials", "test-secret", "not-the-secret");
        postToken("grant_type=client_credentials", "no-such-client", "no-secret");

        assertThat(scrape()).doesNotContain("client_id=\"no-such-client\"");
    }

    @Test
    void authorizationRequestIsTimedWithTheStatusItGot() throws Exception {
        double before = sum("signet_oauth2_requests_seconds_count", "endpoint=\"authorize\"");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/oauth2/authorize?response_type=code&client_id=no-such-client")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sample("signet_oauth2_requests_seconds_count", "endpoint=\"authorize\"",
                "grant_type=\"none\"", "status=\"" + response.statusCode() + "\"")).isPositive();
        assertThat(sum("signet_oauth2_requests_seconds_count", "endpoint=\"authorize\"")).isEqualTo(before + 1);
        assertThat(scrape()).containsPattern("signet_oauth2_requests_seconds_bucket\\{[^}]*endpoint=\"authorize\"");
    }

    @Test
    void everyEndpointIsTheSameKindOfMetricSoTheScrapeStaysValid() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        postToken("grant_type=client_credentials");

        String scrape = scrape();
        assertThat(scrape).containsPattern("signet_oauth2_requests_seconds_bucket\\{[^}]*endpoint=\"jwks\"")
                .containsPattern("signet_oauth2_requests_seconds_bucket\\{[^}]*endpoint=\"token\"");
    }

    @Test
    void bootsOwnRequestTimerIsPublishedToo() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*uri=\"/actuator/health/\\*\\*\"");
    }

    @Test
    void grantTypeAClientMadeUpDoesNotBecomeATagValue() throws Exception {
        postToken("grant_type=made-up-" + System.nanoTime());

        String scrape = scrape();
        assertThat(scrape).contains("grant_type=\"other\"").doesNotContain("made-up-");
    }

    private HttpResponse<String> postToken(String form) throws Exception {
        // A client this server does not know: the token endpoint must answer 401 invalid_client.
        return postToken(form, "no-such-client", "no-secret");
    }

    private HttpResponse<String> postToken(String form, String clientId, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
    private double sum(String name, String... labels) throws Exception {
        double sum = 0;
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape());
        while (line.find()) {
            if (java.util.Arrays.stream(labels).allMatch(line.group(1)::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** The value of the one sample of {@code name} whose labels include all of {@code labels}; 0 when absent. */
    private double sample(String name, String... labels) throws Exception {
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape());
        while (line.find()) {
            String found = line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
