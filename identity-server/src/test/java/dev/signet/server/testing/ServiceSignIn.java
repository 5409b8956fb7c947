package dev.signet.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole sign-in to the {@code test-secret} relying party over HTTP, and its calls to the token endpoint, for tests
 * that send it through servers which come and go (outages, several instances).
 */
public final class ServiceSignIn {

    private static final String SECRET = "test-secret-value";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Only guards a test against a hung server; no test asserts how long anything takes. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HANG_GUARD).build();

    private ServiceSignIn() {
    }

    /**
     * An authorization request of the relying party (authorization code, no PKCE: a confidential client) that a
     * password alone satisfies ({@code vtr=["Cl"]}).
     */
    public static String authorizePath() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SecretClient.ID);
        parameters.put("redirect_uri", SecretClient.CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        return "/oauth2/authorize?" + SecretClient.form(parameters);
    }

    /**
     * From the relying party's authorization request to its tokens: every request goes to {@code browser}'s server,
     * and the code is exchanged there too.
     */
    public static JsonNode signIn(TestBrowser browser, String baseUrl, String email, String password)
            throws Exception {
        TestBrowser.Page toSignIn = browser.get(baseUrl + authorizePath());
        assertThat(toSignIn.location()).as(toSignIn.toString()).endsWith("/sign-in");
        TestBrowser.Page signedIn = browser.signIn(email, password);
        assertThat(signedIn.location()).as(signedIn.toString()).contains("/oauth2/authorize");
        return SecretClient.exchange(baseUrl, SecretClient.code(browser.get(signedIn.location())));
    }

    /** A token endpoint request with the relying party's credentials (client_secret_basic). */
    public static HttpResponse<String> tokenRequest(String baseUrl, Map<String, String> form) throws Exception {
        return post(baseUrl + "/oauth2/token", form);
    }

    public static HttpResponse<String> refresh(String baseUrl, String refreshToken) throws Exception {
        return tokenRequest(baseUrl, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public static HttpResponse<String> revoke(String baseUrl, String token) throws Exception {
        return post(baseUrl + "/oauth2/revoke", Map.of("token", token));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The readiness probe's answer. */
    public static HttpResponse<String> readiness(String baseUrl) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).timeout(HANG_GUARD)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until readiness answers {@code status}: recovery happens in the background (reconnection, pool refill),
     * so a test waits for the server to say it is ready, as a load balancer does. The bound only guards against a hang.
     */
    public static HttpResponse<String> awaitReadiness(String baseUrl, int status) throws Exception {
        Instant giveUp = Instant.now().plus(HANG_GUARD);
        HttpResponse<String> response = readiness(baseUrl);
        while (response.statusCode() != status && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            response = readiness(baseUrl);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(HANG_GUARD)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SecretClient.ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
