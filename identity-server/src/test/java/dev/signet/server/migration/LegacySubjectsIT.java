package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code legacy_subjects} claim over HTTP: a department's service (test-dvla, test-county-council, test-dwp in
 * signet/test-relying-parties.yml) receives the citizen's linked old accounts from its own department's connectors
 * (signet/test-connectors-migration.yml), in the ID token and at userinfo, and never another department's.
 */
class LegacySubjectsIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String CLIENT_SECRET = "test-secret-value";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private LinkedIdentityRepository links;

    private String email;
    private String firstVehicleTaxSubject;
    private String secondVehicleTaxSubject;
    private String councilTaxSubject;

    @DynamicPropertySource
    static void legacySystems(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
    }

    /** A citizen with two old vehicle-tax accounts (department dvla) and one council-tax account (county-council). */
    @BeforeEach
    void citizenWithOldAccountsOfTwoDepartments() {
        email = uniqueEmail("linked");
        Account account = existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        firstVehicleTaxSubject = "VT-" + UUID.randomUUID();
        secondVehicleTaxSubject = "VT-" + UUID.randomUUID();
        councilTaxSubject = "CT-" + UUID.randomUUID();
        link(account, "vehicle-tax", firstVehicleTaxSubject);
        link(account, "vehicle-tax", secondVehicleTaxSubject);
        link(account, "council-tax", councilTaxSubject);
    }

    @Test
    void aDvlaServiceSeesOnlyTheDvlaSubjectsInTheIdTokenAndAtUserinfo() throws Exception {
        JsonNode tokens = signIn("test-dvla", "https://dvla.test.example/callback", "openid legacy_subjects");

        List<Map<String, String>> expected = List.of(
                legacySubject("vehicle-tax", firstVehicleTaxSubject),
                legacySubject("vehicle-tax", secondVehicleTaxSubject));
        assertThat(idToken(tokens).getClaim("legacy_subjects")).isEqualTo(expected);
        assertThat(JSON.treeToValue(userinfo(tokens).get("legacy_subjects"), List.class)).isEqualTo(expected);
        assertThat(accessToken(tokens).getClaims()).doesNotContainKey("legacy_subjects");
        JsonNode refreshed = tokenRequest("test-dvla", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()));
        assertThat(idToken(refreshed).getClaim("legacy_subjects")).isEqualTo(expected);
    }

    @Test
    void aCountyCouncilServiceSeesOnlyTheCouncilTaxSubject() throws Exception {
        JsonNode tokens = signIn("test-county-council", "https://council.test.example/callback",
                "openid legacy_subjects");

        List<Map<String, String>> expected = List.of(legacySubject("council-tax", councilTaxSubject));
        assertThat(idToken(tokens).getClaim("legacy_subjects")).isEqualTo(expected);
        assertThat(JSON.treeToValue(userinfo(tokens).get("legacy_subjects"), List.class)).isEqualTo(expected);
    }

    @Test
    void aDepartmentWhoseConnectorsTheCitizenNeverUsedGetsNoClaim() throws Exception {
        JsonNode tokens = signIn("test-dwp", "https://dwp.test.example/callback", "openid legacy_subjects");

        assertThat(idToken(tokens).getClaims()).doesNotContainKey("legacy_subjects");
        assertThat(userinfo(tokens).has("legacy_subjects")).isFalse();
    }

    @Test
    void aServiceThatDoesNotAskForTheScopeGetsNoClaim() throws Exception {
        JsonNode tokens = signIn("test-dvla", "https://dvla.test.example/callback", "openid email");

        assertThat(idToken(tokens).getClaims()).doesNotContainKey("legacy_subjects");
        JsonNode userinfo = userinfo(tokens);
        assertThat(userinfo.has("legacy_subjects")).isFalse();
        assertThat(userinfo.get("email").asString()).isEqualTo(email);
    }

    @Test
    void aServiceWithoutADepartmentCannotAskForTheScope() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page refused = browser.get(authorizePath(SecretClient.ID, SecretClient.CALLBACK,
                "openid legacy_subjects"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(SecretClient.callbackQuery(refused.location())).containsEntry("error", "invalid_scope")
                .doesNotContainKey("code");
    }

    @Test
    void discoveryAdvertisesTheScopeAndTheClaim() throws Exception {
        JsonNode discovery = JSON.readTree(browser().get("/.well-known/openid-configuration").body());

        assertThat(discovery.get("scopes_supported").values()).extracting(JsonNode::asString)
                .contains("openid", "legacy_subjects");
        assertThat(discovery.get("claims_supported").values()).extracting(JsonNode::asString)
                .contains("sub", "email", "legacy_subjects");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void link(Account account, String connector, String subject) {
        links.link(LinkedIdentity.of(account.id(), connector, subject, Instant.now(), LinkMethod.SIGNET_PASSWORD,
                Optional.empty()));
    }

    private static Map<String, String> legacySubject(String connector, String subject) {
        return Map.of("connector", connector, "subject", subject);
    }

    private static String authorizePath(String clientId, String callback, String scope) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", callback);
        parameters.put("scope", scope);
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        return "/oauth2/authorize?" + SecretClient.form(parameters);
    }

    /** The citizen signs in to the service, which exchanges the code (client_secret_basic). */
    private JsonNode signIn(String clientId, String callback, String scope) throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page toSignIn = browser.get(authorizePath(clientId, callback, scope));
        assertThat(toSignIn.location()).as(toSignIn.toString()).endsWith("/sign-in");
        TestBrowser.Page signedIn = signIn(browser, email, PASSWORD);
        assertThat(signedIn.location()).as(signedIn.toString()).contains("/oauth2/authorize");
        TestBrowser.Page back = browser.get(signedIn.location());
        assertThat(back.location()).as(back.toString()).startsWith(callback + "?");
        String code = URI.create(back.location()).getQuery().replaceAll(".*\\bcode=([^&]+).*", "$1");
        return tokenRequest(clientId, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", callback));
    }

    /** A token endpoint request of the service (client_secret_basic), which must succeed. */
    private JsonNode tokenRequest(String clientId, Map<String, String> form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JWTClaimsSet idToken(JsonNode tokens) throws Exception {
        return SecretClient.idToken(tokens);
    }

    private static JWTClaimsSet accessToken(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet();
    }

    private JsonNode userinfo(JsonNode tokens) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token").asString()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
