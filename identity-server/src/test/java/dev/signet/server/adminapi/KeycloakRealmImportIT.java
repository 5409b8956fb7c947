package dev.signet.server.adminapi;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import dev.signet.server.testing.keycloak.DepartmentRealm;
import dev.signet.server.testing.keycloak.KeycloakExtension;
import dev.signet.server.testing.keycloak.KeycloakLoginPage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing a department's Keycloak realm through the admin API, against a real Keycloak (docs/testing.md): users made
 * with Keycloak's admin API (verified and unverified emails, an attribute, a federated identity link, one disabled,
 * one without an email, one whose email already has a Signet account) are imported with a service account's
 * credentials; the accounts and their linked legacy identities are checked, a second run duplicates nothing, and an
 * imported citizen then signs in through the realm into the account the import made.
 */
class KeycloakRealmImportIT extends JourneyIntegrationTest {

    @RegisterExtension
    static final KeycloakExtension KEYCLOAK = new KeycloakExtension();

    private static final String SIGNET_ISSUER = "http://localhost:8080";
    private static final String CONNECTOR = "department-keycloak";
    private static final String CLIENT_SECRET = "keycloak-client-secret-" + UUID.randomUUID();
    private static final String IMPORT_CLIENT = "signet-import";
    private static final String IMPORT_SECRET = "import-secret-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DepartmentRealm realm;
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();
    private OperatorClient admin;

    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private Environment environment;
    @Autowired
    private DataSource dataSource;
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void departmentRealm(DynamicPropertyRegistry registry) {
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-keycloak.yml");
        registry.add("test.keycloak.issuer", () -> realm().issuer());
        registry.add("test.keycloak.client-secret", () -> CLIENT_SECRET);
    }

    private static synchronized DepartmentRealm realm() {
        if (realm == null) {
            realm = DepartmentRealm.create(KEYCLOAK.server(), "planning-import", CLIENT_SECRET,
                    List.of(SIGNET_ISSUER + "/sign-in/old-account/callback/*"));
            realm.addServiceAccount(IMPORT_CLIENT, IMPORT_SECRET);
        }
        return realm;
    }

    @BeforeEach
    void startAdminApi() {
        jdbc = JdbcClient.create(dataSource);
        admin = ADMIN_API.start(environment, baseUrl()).operator();
    }

    @Test
    void aRealmsUsersBecomeLinkedAccountsOnceAndAnImportedCitizenSignsInThroughTheRealm() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String password = "planning portal " + UUID.randomUUID();
        String verifiedEmail = "verified-" + run + "@example.com";
        String verified = realm().addUser(user("verified-" + run, verifiedEmail, true, true,
                Map.of("customerRef", List.of("PP-" + run), "favouriteColour", List.of("green"))), password);
        String unverified = realm().addUser(user("unverified-" + run, "unverified-" + run + "@example.com", false,
                true, Map.of()), null);
        String federated = realm().addUser(user("federated-" + run, "federated-" + run + "@example.com", true, true,
                Map.of()), null);
        realm().linkFederatedIdentity(federated, "gov-gateway", "GG-" + run, "federated-" + run);
        String disabled = realm().addUser(user("disabled-" + run, "disabled-" + run + "@example.com", true, false,
                Map.of()), null);
        String noEmail = realm().addUser(user("no-email-" + run, null, false, true, Map.of()), null);
        String signedUpEmail = "signed-up-" + run + "@example.com";
        Account signedUp = existingAccount(signedUpEmail, "own signet password", AccountStatus.ACTIVE);
        String alreadyHere = realm().addUser(user("signed-up-" + run, signedUpEmail, true, true, Map.of()), null);
        String token = admin.token("test-operator-actions", "admin.read admin.manage");

        JsonNode first = runImport(token);

        assertThat(first.get("state").asString()).isEqualTo("succeeded");
        Map<String, JsonNode> report = report(first, token);
        assertThat(report.get(verified).get("outcome").asString()).isEqualTo("created");
        assertThat(report.get(unverified).get("outcome").asString()).isEqualTo("created");
        assertThat(report.get(federated).get("outcome").asString()).isEqualTo("created");
        assertThat(report.get(federated).get("federated_identities").asInt()).isEqualTo(1);
        assertThat(report.get(disabled).get("outcome").asString()).isEqualTo("created");
        assertThat(report.get(alreadyHere).get("outcome").asString()).isEqualTo("updated");
        assertThat(report.get(noEmail).get("outcome").asString()).isEqualTo("rejected");
        assertThat(report.get(noEmail).get("reason").asString()).contains("email");
        assertThat(report.get(noEmail).has("account_id")).isFalse();

        Account verifiedAccount = accounts.findByEmail(verifiedEmail).orElseThrow();
        assertThat(verifiedAccount.emailVerified()).isTrue();
        assertThat(verifiedAccount.passwordHash()).as("Keycloak gives out no password hashes").isEmpty();
        assertThat(report.get(verified).get("account_id").asString()).isEqualTo(verifiedAccount.id().toString());
        assertThat(accounts.findByEmail("unverified-" + run + "@example.com").orElseThrow().emailVerified()).isFalse();
        assertThat(accounts.findByEmail("disabled-" + run + "@example.com").orElseThrow().status())
                .isEqualTo(AccountStatus.BLOCKED);
        LinkedIdentity link = links.find(CONNECTOR, verified).orElseThrow();
        assertThat(link.accountId()).isEqualTo(verifiedAccount.id());
        assertThat(link.linkedBy()).isEqualTo(LinkMethod.BULK_IMPORT.value());
        for (String keycloakId : List.of(verified, unverified, federated, disabled, alreadyHere)) {
            assertThat(report.get(keycloakId).get("linked").asBoolean()).as(keycloakId).isTrue();
            assertThat(links.find(CONNECTOR, keycloakId)).as(keycloakId).isPresent();
        }
        assertThat(links.find(CONNECTOR, alreadyHere).orElseThrow().accountId()).isEqualTo(signedUp.id());
        assertThat(accounts.findById(signedUp.id()).orElseThrow().passwordHash())
                .as("the citizen's own password stays").isEqualTo(signedUp.passwordHash());
        assertThat(links.find(CONNECTOR, noEmail)).isEmpty();
        String profile = jdbc.sql("SELECT profile::text FROM account_import_source WHERE account_id = ?")
                .param(verifiedAccount.id()).query(String.class).single();
        assertThat(profile).as("the selected attribute and the names are kept, no other attribute")
                .contains("PP-" + run).contains("verified-" + run).doesNotContain("green");
        assertThat(jdbc.sql("SELECT profile::text FROM account_import_source WHERE source_user_id = ?")
                .param(federated).query(String.class).single()).contains("gov-gateway").contains("GG-" + run);

        // Again: the same users are found by their Keycloak ids; nothing is created or linked twice.
        JsonNode second = runImport(token);
        assertThat(second.get("state").asString()).isEqualTo("succeeded");
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("linked").asInt()).isZero();
        Map<String, JsonNode> again = report(second, token);
        for (String keycloakId : List.of(verified, unverified, federated, disabled, alreadyHere)) {
            assertThat(again.get(keycloakId).get("outcome").asString()).as(keycloakId).isEqualTo("unchanged");
            assertThat(again.get(keycloakId).get("account_id").asString())
                    .isEqualTo(report.get(keycloakId).get("account_id").asString());
        }
        assertThat(again.get(noEmail).get("outcome").asString()).isEqualTo("rejected");
        assertThat(links.findByAccount(verifiedAccount.id())).hasSize(1);

        // The imported citizen signs in through the realm for the first time: straight into the imported account.
        TestBrowser browser = browser();
        browser.get(authorize());
        URI toKeycloak = chooseKeycloak(browser);
        String callback = KeycloakLoginPage.signIn(toKeycloak.toString(), "verified-" + run, password);
        TestBrowser.Page back = browser.get(baseUrl() + callback.substring(SIGNET_ISSUER.length()));
        assertThat(back.location()).contains("/oauth2/authorize");
        idToken(exchange(baseUrl(), code(browser.get(back.location()))));
        assertThat(accounts.findByEmail(verifiedEmail).orElseThrow().id()).isEqualTo(verifiedAccount.id());
        assertThat(links.findByAccount(verifiedAccount.id())).hasSize(1);
    }

    @Test
    void credentialsKeycloakRefusesAreTheOperatorsAnswerAtOnce() throws Exception {
        String token = admin.token("test-operator-actions", "admin.read admin.manage");
        realm();

        HttpResponse<String> refused = admin.post("/keycloak-imports", importRequest("not-the-secret"), token);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://signet.dev/problems/keycloak-refused");
        assertThat(problem.get("detail").asString()).contains("refused the credentials")
                .doesNotContain("not-the-secret");
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private JsonNode runImport(String token) throws Exception {
        HttpResponse<String> started = admin.post("/keycloak-imports", importRequest(IMPORT_SECRET), token);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(started.body()).doesNotContain(IMPORT_SECRET);
        // The import runs in the background: wait for it to end (a page of a few users takes seconds).
        for (int attempt = 0; attempt < 600; attempt++) {
            JsonNode state = json(admin.get(location, token));
            if (!state.get("state").asString().equals("running")) {
                return state;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The import did not finish");
    }

    private String importRequest(String secret) {
        return """
                {"server_url": "%s", "realm": "%s", "connector": "%s", "page_size": 3,
                 "attributes": ["customerRef"],
                 "credentials": {"client_id": "%s", "client_secret": "%s"}}"""
                .formatted(KEYCLOAK.server().url(), realm().name(), CONNECTOR, IMPORT_CLIENT, secret);
    }

    /** The import's per-user report, every page, by Keycloak id. */
    private Map<String, JsonNode> report(JsonNode importView, String token) throws Exception {
        Map<String, JsonNode> lines = new HashMap<>();
        String next = importView.get("users_report").asString() + "?limit=2";
        while (next != null) {
            JsonNode page = json(admin.get(next, token));
            page.get("items").forEach(line -> lines.put(line.get("keycloak_id").asString(), line));
            JsonNode cursor = page.get("next_cursor");
            next = cursor == null || cursor.isNull() ? null
                    : importView.get("users_report").asString() + "?limit=2&cursor=" + cursor.asString();
        }
        return lines;
    }

    private static UserRepresentation user(String username, String email, boolean emailVerified, boolean enabled,
            Map<String, List<String>> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(emailVerified);
        user.setEnabled(enabled);
        user.setFirstName("Test");
        user.setLastName(username);
        user.setAttributes(attributes.isEmpty() ? null : attributes);
        return user;
    }

    private URI chooseKeycloak(TestBrowser browser) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", CONNECTOR));
        assertThat(chosen.status()).isEqualTo(302);
        return URI.create(chosen.location());
    }

    private static String authorize() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SecretClient.ID);
        parameters.put("redirect_uri", SecretClient.CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        return "/oauth2/authorize?" + form(parameters);
    }
}
