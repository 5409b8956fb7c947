package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.account.Account;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import jobs end to end: an operator (client credentials from this identity-server) uploads a file to the admin
 * API, started here on the same database, naming the vehicle-tax connector (signet/test-connectors-migration.yml);
 * follows the job to its end and reads the report. Then the imported citizens sign in to identity-server: one with
 * the imported legacy password on Signet's own sign-in page, the other through old-account sign-in on the way to a DVLA
 * service, where the imported legacy identity is recognised, leads to the imported account and reaches the service in
 * {@code legacy_subjects}. A second run duplicates nothing.
 */
class ImportJobEndToEndIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DVLA_CALLBACK = "https://dvla.test.example/callback";
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();

    @Autowired
    private Environment environment;
    @Autowired
    private LinkedIdentityRepository links;
    private OperatorClient admin;

    @DynamicPropertySource
    static void legacySystems(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
    }

    @BeforeEach
    void startAdminApi() {
        admin = ADMIN_API.start(environment, baseUrl()).operator();
    }

    @Test
    void importedCitizensSignInWithTheirLegacyPasswordsAndTheirOldAccountsAreLinked() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String djangoEmail = uniqueEmail("import-django");
        String vehicleTaxEmail = uniqueEmail("import-vt");
        String login = "import-vt-" + run;
        LegacyUserTables.legacyUser("vehicle_tax_users", login, LegacyUserTables.BCRYPT, null, false);
        String customerNo = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        String file = """
                [
                  {"email": "%s", "email_verified": true, "user_id": "django-%s", "password_hash": "%s"},
                  {"email": "%s", "email_verified": true, "user_id": "%s", "password_hash": "%s"},
                  {"email": "not an address", "user_id": "broken-%s"}
                ]
                """.formatted(djangoEmail, run, LegacyUserTables.DJANGO_PBKDF2, vehicleTaxEmail, customerNo,
                LegacyUserTables.BCRYPT, run);
        String token = admin.token("test-operator-actions", "admin.read admin.manage");

        JsonNode job = followToTheEnd(start(file, token), token);

        assertThat(job.get("state").stringValue()).isEqualTo("succeeded");
        assertThat(job.get("progress").toString()).isEqualTo(
                "{\"rows_read\":3,\"created\":2,\"updated\":0,\"unchanged\":0,\"rejected\":1,\"linked\":2}");
        List<String> report = admin.get("/import-jobs/" + job.get("id").stringValue() + "/report", token).body()
                .lines().toList();
        assertThat(report).containsExactly("{\"row\":3,\"user_id\":\"broken-" + run + "\",\"reason\":\"email is "
                + "missing or is not an email address\"}");

        // Signet's own sign-in page: the imported Django hash checks the legacy password, then becomes Argon2id.
        TestBrowser.Page signedIn = signIn(browser(), djangoEmail, LegacyUserTables.LEGACY_PASSWORD);
        assertThat(signedIn.location()).as(signedIn.toString()).endsWith("/account");
        assertThat(accounts.findByEmail(djangoEmail).orElseThrow().passwordHash().orElseThrow())
                .startsWith("$argon2id$");

        // Old-account sign-in: the legacy identity the import linked leads to the imported account, no new one ...
        Account imported = accounts.findByEmail(vehicleTaxEmail).orElseThrow();
        assertThat(links.findByAccount(imported.id())).extracting(LinkedIdentity::connectorId,
                LinkedIdentity::legacySubject, LinkedIdentity::linkedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vehicle-tax", customerNo, "bulk_import"));
        // ... on the way to the DVLA's service, which receives the customer number in legacy_subjects.
        TestBrowser browser = browser();
        TestBrowser.Page toSignIn = browser.get(authorizePath());
        assertThat(toSignIn.location()).as(toSignIn.toString()).endsWith("/sign-in");
        TestBrowser.Page oldAccount = oldAccountSignIn(browser, "vehicle-tax", login,
                LegacyUserTables.LEGACY_PASSWORD);
        assertThat(oldAccount.location()).as(oldAccount.toString()).contains("/oauth2/authorize");
        TestBrowser.Page back = browser.get(oldAccount.location());
        assertThat(back.location()).as(back.toString()).startsWith(DVLA_CALLBACK + "?");
        String code = URI.create(back.location()).getQuery().replaceAll(".*\\bcode=([^&]+).*", "$1");
        JWTClaimsSet idToken = SecretClient.idToken(exchange(code));
        assertThat(idToken.getClaim("legacy_subjects")).isEqualTo(List.of(Map.of("connector", "vehicle-tax",
                "subject", customerNo)));
        assertThat(accounts.findByEmail(vehicleTaxEmail)).map(Account::id).contains(imported.id());
        assertThat(links.find("vehicle-tax", customerNo)).map(LinkedIdentity::accountId).contains(imported.id());

        // The same file again: nothing created, nothing linked twice, the upgraded password kept.
        String upgraded = accounts.findByEmail(djangoEmail).orElseThrow().passwordHash().orElseThrow();
        JsonNode again = followToTheEnd(start(file, token), token);
        assertThat(again.get("progress").toString()).isEqualTo(
                "{\"rows_read\":3,\"created\":0,\"updated\":0,\"unchanged\":2,\"rejected\":1,\"linked\":0}");
        assertThat(accounts.findByEmail(djangoEmail).orElseThrow().passwordHash()).contains(upgraded);
        assertThat(links.findByAccount(imported.id())).hasSize(1);
    }

    private static String authorizePath() {
        return "/oauth2/authorize?" + SecretClient.form(Map.of("response_type", "code", "client_id", "test-dvla",
                "redirect_uri", DVLA_CALLBACK, "scope", "openid legacy_subjects", "state", "s-" + UUID.randomUUID(),
                "nonce", "n-" + UUID.randomUUID(), "vtr", "[\"Cl\"]"));
    }

    /** The DVLA service exchanges its code (client_secret_basic). */
    private JsonNode exchange(String code) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "test-dvla:test-secret-value".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(Map.of("grant_type",
                        "authorization_code", "code", code, "redirect_uri", DVLA_CALLBACK)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode start(String file, String token) throws Exception {
        HttpResponse<String> response = admin.post("/import-jobs?connector=vehicle-tax", file, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    /** Follows the job as an operator would, until it has finished. */
    private JsonNode followToTheEnd(JsonNode job, String token) throws Exception {
        for (int attempt = 0; attempt < 1200; attempt++) {
            HttpResponse<String> response = admin.get("/import-jobs/" + job.get("id").stringValue(), token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode current = JSON.readTree(response.body());
            if (current.get("state").stringValue().matches("succeeded|failed")) {
                return current;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import job did not finish: " + job);
    }

    /** Chooses the old system, then sends its login name and password; returns the response to that form. */
    private static TestBrowser.Page oldAccountSignIn(TestBrowser browser, String connectorId, String login,
            String password) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", connectorId));
        assertThat(chosen.location()).endsWith("/sign-in/old-account/sign-in");
        TestBrowser.Page form = browser.get(chosen.location());
        return browser.submit(form, "/sign-in/old-account/sign-in", Map.of("loginName", login, "password", password));
    }
}
