package dev.signet.server.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relying parties managed through the admin API, end to end: an operator registers a service in the admin API (its
 * own application on this server's PostgreSQL, with a real Signet token), and this running identity-server serves it
 * at once, with no restart: client credentials and authorization code with PKCE work; a rotated secret keeps working
 * only for the overlap asked for; a disabled service gets no tokens, its pending code and refresh token are refused,
 * and that refresh token stays refused once the service is enabled again.
 */
class RelyingPartyAdministrationEndToEndIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private Environment environment;
    private OperatorClient admin;

    @BeforeEach
    void startAdminApi() {
        admin = ADMIN_API.start(environment, baseUrl()).operator();
    }

    @Test
    void aServiceRegisteredThroughTheAdminApiGetsTokensUntilItsSecretIsRotatedOrItIsDisabled() throws Exception {
        String clientId = "e2e-cc-" + UUID.randomUUID();
        String operator = operatorToken();
        HttpResponse<String> registered = admin.send("POST", "/relying-parties", null, """
                {"client_id": "%s", "client_name": "Nightly licence export",
                 "token_endpoint_auth_method": "client_secret_basic",
                 "grant_types": ["client_credentials"], "scopes": ["read"]}
                """.formatted(clientId), operator);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String first = JSON.readTree(registered.body()).get("client_secret").asString();

        assertThat(clientCredentials(clientId, first).statusCode()).as("served without a restart").isEqualTo(200);

        String second = rotate(clientId, "PT1H", operator);
        assertThat(clientCredentials(clientId, second).statusCode()).isEqualTo(200);
        assertThat(clientCredentials(clientId, first).statusCode()).as("the old secret during the overlap")
                .isEqualTo(200);

        String third = rotate(clientId, null, operator);
        assertThat(clientCredentials(clientId, third).statusCode()).isEqualTo(200);
        for (String replaced : new String[] {first, second}) {
            HttpResponse<String> refused = clientCredentials(clientId, replaced);
            assertThat(refused.statusCode()).as("a replaced secret after its overlap").isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("invalid_client");
        }

        HttpResponse<String> disabled = admin.send("POST", "/relying-parties/" + clientId + "/disable", etag(clientId,
                operator), "{\"reason\": \"E2E-RP-1 service retired\"}", operator);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        HttpResponse<String> refused = clientCredentials(clientId, third);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("invalid_client");

        assertThat(admin.send("POST", "/relying-parties/" + clientId + "/enable", etag(clientId, operator),
                "{\"reason\": \"E2E-RP-1 back in service\"}", operator).statusCode()).isEqualTo(200);
        assertThat(clientCredentials(clientId, third).statusCode()).isEqualTo(200);
    }

    @Test
    void aCitizenSignsInToARegisteredServiceWithPkceAndItsTokensDieWhenItIsDisabled() throws Exception {
        String clientId = "e2e-pkce-" + UUID.randomUUID();
        String callback = "http://127.0.0.1:8123/callback";
        String operator = operatorToken();
        HttpResponse<String> registered = admin.send("POST", "/relying-parties", null, """
                {"client_id": "%s", "client_name": "Renew a fishing licence",
                 "token_endpoint_auth_method": "client_secret_basic", "require_pkce": true,
                 "redirect_uris": ["%s"], "scopes": ["openid", "email"], "allowed_vtr": ["Cl"]}
                """.formatted(clientId, callback), operator);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String secret = JSON.readTree(registered.body()).get("client_secret").asString();
        String email = uniqueEmail("rp-admin");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        String verifier = "e2e-verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID();

        String code = authorize(browser, clientId, callback, verifier);
        HttpResponse<String> tokens = token(clientId, secret, Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", callback, "code_verifier", verifier));

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(JSON.readTree(tokens.body()).get("id_token").asString()).isNotBlank();
        String refreshToken = JSON.readTree(tokens.body()).get("refresh_token").asString();
        String accessToken = JSON.readTree(tokens.body()).get("access_token").asString();
        assertThat(JSON.readTree(introspect(accessToken).body()).get("active").asBoolean()).isTrue();

        String pendingCode = authorize(browser, clientId, callback, verifier);
        assertThat(admin.send("POST", "/relying-parties/" + clientId + "/disable", etag(clientId, operator),
                "{\"reason\": \"E2E-RP-2 compromised\"}", operator).statusCode()).isEqualTo(200);

        HttpResponse<String> refusedExchange = token(clientId, secret, Map.of("grant_type", "authorization_code",
                "code", pendingCode, "redirect_uri", callback, "code_verifier", verifier));
        assertThat(refusedExchange.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refusedExchange.body()).get("error").asString()).isEqualTo("invalid_client");
        HttpResponse<String> refusedRefresh = token(clientId, secret, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(refusedRefresh.statusCode()).isEqualTo(401);
        HttpResponse<String> introspection = introspect(accessToken);
        assertThat(introspection.statusCode()).as(introspection.body()).isEqualTo(200);
        assertThat(JSON.readTree(introspection.body()).get("active").asBoolean())
                .as("a disabled service's access token is inactive").isFalse();
        assertThat(userinfo(accessToken).statusCode()).isEqualTo(401);
        TestBrowser.Page refusedAuthorization = browser.get(authorizationPath(clientId, callback, verifier));
        assertThat(refusedAuthorization.status()).as("a page, never a redirect to a disabled service").isEqualTo(400);
        assertThat(refusedAuthorization.body()).contains("is not registered with this sign-in service");

        assertThat(admin.send("POST", "/relying-parties/" + clientId + "/enable", etag(clientId, operator),
                "{\"reason\": \"E2E-RP-2 cleaned up\"}", operator).statusCode()).isEqualTo(200);

        HttpResponse<String> staleRefresh = token(clientId, secret, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(staleRefresh.statusCode()).as("a refresh token from before the disable").isEqualTo(400);
        assertThat(JSON.readTree(staleRefresh.body()).get("error").asString()).isEqualTo("invalid_grant");
        String freshCode = authorize(browser, clientId, callback, verifier);
        assertThat(token(clientId, secret, Map.of("grant_type", "authorization_code", "code", freshCode,
                "redirect_uri", callback, "code_verifier", verifier)).statusCode()).isEqualTo(200);
    }

    private String authorize(TestBrowser browser, String clientId, String callback, String verifier)
            throws Exception {
        TestBrowser.Page authorized = browser.get(authorizationPath(clientId, callback, verifier));
        assertThat(authorized.location()).as(authorized.toString()).startsWith(callback + "?");
        String query = URI.create(authorized.location()).getRawQuery();
        return URLDecoder.decode(query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    }

    private static String authorizationPath(String clientId, String callback, String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return "/oauth2/authorize?" + SecretClient.form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", callback, "scope", "openid email", "vtr", "[\"Cl\"]", "state", "s",
                "nonce", UUID.randomUUID().toString(), "code_challenge", challenge,
                "code_challenge_method", "S256"));
    }

    private HttpResponse<String> token(String clientId, String secret, Map<String, String> form) throws Exception {
        return token(clientId, secret, form, "/oauth2/token");
    }

    private HttpResponse<String> token(String clientId, String secret, Map<String, String> form, String path)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(form)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Introspection by another service (a resource server holding the token). */
    private HttpResponse<String> introspect(String accessToken) throws Exception {
        return token("test-secret", "test-secret-value", Map.of("token", accessToken), "/oauth2/introspect");
    }

    private HttpResponse<String> userinfo(String accessToken) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rotate(String clientId, String overlap, String operator) throws Exception {
        HttpResponse<String> rotated = admin.send("POST", "/relying-parties/" + clientId + "/client-secret",
                etag(clientId, operator), overlap == null ? "{\"reason\": \"E2E-RP-1 leaked\"}"
                        : "{\"previous_secret_valid_for\": \"" + overlap + "\", \"reason\": \"E2E-RP-1 yearly\"}",
                operator);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        return JSON.readTree(rotated.body()).get("client_secret").asString();
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return token(clientId, secret, Map.of("grant_type", "client_credentials", "scope", "read"));
    }

    private String operatorToken() throws Exception {
        return admin.token("test-operator-actions", "admin.read admin.manage");
    }

    private String etag(String clientId, String operator) throws Exception {
        return admin.etag("/relying-parties/" + clientId, operator);
    }
}
