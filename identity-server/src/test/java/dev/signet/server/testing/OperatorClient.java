package dev.signet.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's tooling in end-to-end tests: client-credentials tokens from the identity-server under test, and JSON
 * requests to the admin API carrying them, each with the headers the admin API asks of a real operator.
 */
public final class OperatorClient {

    /** The secret of every operator client in the test configuration. */
    private static final String SECRET = "test-secret-value";
    private static final String USER_AGENT = "operator-e2e/1.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String identityServerBaseUrl;
    private final String adminApiBaseUrl;

    public OperatorClient(String identityServerBaseUrl, String adminApiBaseUrl) {
        this.identityServerBaseUrl = identityServerBaseUrl;
        this.adminApiBaseUrl = adminApiBaseUrl;
    }

    /** A client-credentials access token for a test operator client, from the identity-server under test. */
    public String token(String clientId, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        URI tokenEndpoint = URI.create(identityServerBaseUrl + "/oauth2/token");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(adminApiBaseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", USER_AGENT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ETag of a resource the operator may read; the read itself must succeed. */
    public String etag(String path, String token) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    public HttpResponse<String> post(String path, String json, String token) throws Exception {
        return send("POST", path, null, json, token);
    }

    /**
     * A change: a fresh Idempotency-Key every time (the admin API reads it on POSTs only), If-Match when given, and
     * the body as JSON when there is one.
     */
    public HttpResponse<String> send(String method, String path, String ifMatch, String json, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminApiBaseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", USER_AGENT)
                .header("Idempotency-Key", "\"" + UUID.randomUUID() + "\"")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
