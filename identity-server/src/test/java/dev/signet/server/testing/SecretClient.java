package dev.signet.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code test-secret} relying party (signet/test-relying-parties.yml) as tests play it: read the code from the
 * redirect back to it, exchange the code with client_secret_basic, read the ID token.
 */
public final class SecretClient {

    public static final String ID = "test-secret";
    public static final String CALLBACK = "https://secret.test.example/callback";
    private static final String SECRET = "test-secret-value";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SecretClient() {
    }

    /** The parameters of a redirect to the callback (decoded; a parameter without a value is empty). */
    public static Map<String, String> callbackQuery(String location) {
        assertThat(location).startsWith(CALLBACK + "?");
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    /** The authorization code of a redirect back to the callback; fails the test on anything else. */
    public static String code(TestBrowser.Page response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        String code = callbackQuery(response.location()).get("code");
        assertThat(code).as(response.location()).isNotBlank();
        return code;
    }

    /** The token response to the code, which must succeed. */
    public static JsonNode exchange(String baseUrl, String code) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", CALLBACK)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The claims of the ID token in a token response (not verified: tests that verify do so themselves). */
    public static JWTClaimsSet idToken(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
    }

    /** application/x-www-form-urlencoded, also for query strings. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
