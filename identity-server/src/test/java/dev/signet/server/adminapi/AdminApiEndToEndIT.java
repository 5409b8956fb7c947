package dev.signet.server.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API end to end: this identity-server (real PostgreSQL) issues an operator client real client-credentials
 * tokens, and the admin API, started here as its own Spring application on the same database, accepts them: an
 * operator finds a citizen who has just signed in, sees that sign-in, and checks the audit log's chain; and acts on
 * accounts: an intervention or an erasure made in the admin API ends the citizen's sessions through identity-server's
 * session-ending worker (a relying party with a live back-channel logout receiver is told), and a second-factor reset
 * makes the citizen set up a factor again.
 */
class AdminApiEndToEndIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();

    private final HttpClient http = HttpClient.newHttpClient();

    private static final String SERVICE_SECRET = "admin-e2e-secret-" + UUID.randomUUID();
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private Environment environment;
    @Autowired
    private RelyingPartyRepository relyingParties;
    @Autowired
    private SecondFactorRepository secondFactors;
    @Autowired
    private DataSource dataSource;

    /** A relying party of this test, with a back-channel logout receiver that keeps the tokens it is sent. */
    private final List<String> logoutTokens = new CopyOnWriteArrayList<>();
    private OperatorClient admin;
    private HttpServer receiver;
    private String serviceId;
    private final URI serviceCallback = URI.create("https://admin-e2e.test.example/callback");

    @BeforeEach
    void startAdminApi() {
        admin = ADMIN_API.start(environment, baseUrl()).operator();
    }

    @BeforeEach
    void serviceWithABackChannelReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            logoutTokens.add(URLDecoder.decode(body.substring(body.indexOf("logout_token=") + 13),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        serviceId = "admin-e2e-" + UUID.randomUUID();
        URI logoutUri = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel-logout");
        relyingParties.save(new RelyingParty(serviceId, "Admin API end-to-end service", List.of(serviceCallback),
                List.of(), Optional.of(logoutUri), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(),
                Optional.empty(), Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(SERVICE_SECRET.getBytes(StandardCharsets.UTF_8)))), "admin-e2e.test.example",
                SubjectType.PAIRWISE, Set.of("authorization_code", "refresh_token"), Set.of("openid"), Set.of(),
                List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anOperatorFindsACitizenSeesTheirSignInAndChecksTheAuditLog() throws Exception {
        String email = uniqueEmail("operated");
        Account account = existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        assertThat(browser().signIn(email, "correct horse battery").location()).endsWith("/account");
        String token = admin.token("test-operator", "admin.read audit.read");

        JsonNode found = JSON.readTree(admin.get("/accounts?email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8), token).body());
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(account.id().toString());

        JsonNode view = awaitSignInShown(account, token);
        assertThat(view.get("sessions_available").asBoolean())
                .as("sessions in identity-server's memory (the embedded default) cannot be read").isFalse();
        assertThat(view.path("sessions").isArray()).isFalse();
        JsonNode signIn = view.get("recent_sign_ins").get(0);
        assertThat(signIn.get("type").asString()).isEqualTo("sign_in.succeeded");
        assertThat(signIn.get("details").get("level").asString()).isEqualTo("Cl");
        assertThat(signIn.get("client_address").asString()).isEqualTo("127.0.0.1");

        JsonNode operatorActions = JSON.readTree(admin.get("/audit?actor=test-operator&account=" + account.id(),
                token).body());
        assertThat(operatorActions.get("items").get(0).get("type").asString()).isEqualTo("operator.account.viewed");

        HttpResponse<String> verify = admin.get("/audit/verify", token);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verify.body()).get("status").asString()).isEqualTo("intact");
    }

    @Test
    void signetsTokenCarriesOnlyTheScopesTheOperatorClientHas() throws Exception {
        String reader = admin.token("test-operator-reader", "admin.read");

        assertThat(admin.get("/accounts?email=nobody@example.com", reader).statusCode()).isEqualTo(200);
        HttpResponse<String> audit = admin.get("/audit", reader);
        assertThat(audit.statusCode()).isEqualTo(403);
        assertThat(audit.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
    }

    @Test
    void aSignetTokenForAnotherServiceIsRefused() throws Exception {
        // test-secret has client credentials but no admin scope: its token does not name the admin API.
        String other = admin.token("test-secret", "read");

        assertThat(admin.get("/accounts?email=nobody@example.com", other).statusCode()).isEqualTo(401);
    }

    @Test
    void aCitizenSuspendedThroughTheAdminApiIsSignedOutEverywhereAndMaySignInOnceItIsLifted() throws Exception {
        String email = uniqueEmail("suspended");
        Account account = existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        JsonNode tokens = signInToTheService(browser);
        JWTClaimsSet idToken = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
        String operator = admin.token("test-operator-actions", "admin.read admin.support admin.manage");

        HttpResponse<String> suspended = admin.send("POST", "/accounts/" + account.id() + "/interventions",
                etagOf(account, operator), "{\"type\":\"suspend\",\"reason\":\"E2E-1 reported stolen\"}", operator);

        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        awaitTrue(() -> !logoutTokens.isEmpty(), "a logout token reached the service");
        JWTClaimsSet logoutToken = SignedJWT.parse(logoutTokens.get(0)).getJWTClaimsSet();
        assertThat(logoutToken.getAudience()).containsExactly(serviceId);
        assertThat(logoutToken.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(logoutToken.getStringClaim("sid")).isEqualTo(idToken.getStringClaim("sid"));
        awaitTrue(() -> sessionEndingsOf(account) == 0, "the session ending was carried out");
        assertThat(introspect(tokens.get("access_token").asString()).get("active").asBoolean())
                .as("the worker revoked the token family").isFalse();
        HttpResponse<String> refresh = serviceToken(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refresh.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(browser.get("/account").location()).as("the Signet session ended").endsWith("/sign-in");
        assertThat(browser().signIn(email, PASSWORD).body()).contains("Your account has been suspended");

        HttpResponse<String> lifted = admin.send("POST", "/accounts/" + account.id() + "/interventions",
                etagOf(account, operator), "{\"type\":\"lift\",\"reason\":\"E2E-1 phone found\"}", operator);

        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(browser().signIn(email, PASSWORD).location()).endsWith("/account");
    }

    @Test
    void afterASecondFactorResetTheCitizenSetsUpAFactorAtTheirNextSignIn() throws Exception {
        String email = uniqueEmail("reset");
        Account account = existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        secondFactors.save(SecondFactor.email(UUID.randomUUID(), account.id(), Instant.now()));
        assertThat(secondFactorPageAfterPassword(email).body()).doesNotContain("Choose how to get security codes");
        String operator = admin.token("test-operator-actions", "admin.read admin.support");

        HttpResponse<String> reset = admin.send("DELETE", "/accounts/" + account.id()
                + "/second-factors?reason=E2E-2%20lost%20phone", etagOf(account, operator), null, operator);

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(JSON.readTree(reset.body()).get("second_factors_removed").asInt()).isEqualTo(1);
        assertThat(secondFactorPageAfterPassword(email).body()).contains("Choose how to get security codes");
        awaitTrue(() -> inbox().messagesTo(email).stream()
                .anyMatch(message -> message.subject().startsWith("Your security codes have been reset")),
                "the citizen was told by email");
        assertThat(inbox().messagesTo(email).stream()
                .filter(message -> message.subject().startsWith("Your security codes have been reset")).findFirst()
                .orElseThrow().body()).contains("choose a new way to get security codes")
                .contains("Y tro nesaf y byddwch yn mewngofnodi");
    }

    @Test
    void anErasureEndsTheCitizensSessionsAndLeavesNoRowsOfTheAccount() throws Exception {
        String email = uniqueEmail("erased");
        Account account = existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        secondFactors.save(SecondFactor.textMessage(UUID.randomUUID(), account.id(), "+447700900555",
                Instant.now()));
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        JsonNode tokens = signInToTheService(browser);
        assertThat(rowsOf(account)).as("before").containsEntry("account", 1).containsEntry("second_factor", 1)
                .containsEntry("oauth2_authorization", 1);
        String operator = admin.token("test-operator-actions", "admin.read admin.manage");

        HttpResponse<String> erased = admin.send("POST", "/accounts/" + account.id() + "/erasure",
                etagOf(account, operator), "{\"reason\":\"E2E-3 erasure request\"}", operator);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(JSON.readTree(erased.body()).get("export").get("account").get("email").asString())
                .isEqualTo(email);
        awaitTrue(() -> !logoutTokens.isEmpty(), "a logout token reached the service");
        awaitTrue(() -> sessionEndingsOf(account) == 0, "the session ending was carried out");
        assertThat(rowsOf(account)).as("after").allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(introspect(tokens.get("access_token").asString()).get("active").asBoolean()).isFalse();
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
    }

    /** Rows that name the account, table by table (the audit log, append-only, keeps naming it by id). */
    private Map<String, Integer> rowsOf(Account account) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : List.of("account:id", "second_factor:account_id", "recovery_code:account_id",
                "passkey_user:account_id", "passkey:account_id", "account_session_ending:account_id",
                "account_notice:account_id")) {
            String[] parts = table.split(":");
            rows.put(parts[0], jdbc.sql("SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1] + " = ?")
                    .param(account.id()).query(Integer.class).single());
        }
        rows.put("oauth2_authorization", jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = ?")
                .param(account.id().toString()).query(Integer.class).single());
        return rows;
    }

    private int sessionEndingsOf(Account account) {
        return JdbcClient.create(dataSource).sql("SELECT count(*) FROM account_session_ending WHERE account_id = ?")
                .param(account.id()).query(Integer.class).single();
    }

    /** The page after the password when a service asks for Cl.Cm (test-secret's default), in a new browser. */
    private TestBrowser.Page secondFactorPageAfterPassword(String email) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.get("/oauth2/authorize?" + SecretClient.form(Map.of("response_type", "code",
                "client_id", SecretClient.ID, "redirect_uri", SecretClient.CALLBACK, "scope", "openid",
                "state", "s", "nonce", UUID.randomUUID().toString()))).location()).endsWith("/sign-in");
        TestBrowser.Page afterPassword = browser.signIn(email, PASSWORD);
        assertThat(afterPassword.location()).contains("/oauth2/authorize");
        TestBrowser.Page toSecondFactor = browser.get(afterPassword.location());
        assertThat(toSecondFactor.location()).endsWith("/sign-in/second-factor");
        return browser.follow(toSecondFactor);
    }

    /** The signed-in browser signs in to this test's service (Cl) and the service redeems the code. */
    private JsonNode signInToTheService(TestBrowser browser) throws Exception {
        TestBrowser.Page authorized = browser.get("/oauth2/authorize?" + SecretClient.form(Map.of(
                "response_type", "code", "client_id", serviceId, "redirect_uri", serviceCallback.toString(),
                "scope", "openid", "vtr", "[\"Cl\"]", "state", "s", "nonce", UUID.randomUUID().toString())));
        assertThat(authorized.location()).as(authorized.toString()).startsWith(serviceCallback.toString());
        String query = URI.create(authorized.location()).getRawQuery();
        String code = URLDecoder.decode(query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> tokens = serviceToken(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", serviceCallback.toString()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    private HttpResponse<String> serviceToken(Map<String, String> form) throws Exception {
        return serviceCall("/oauth2/token", form);
    }

    private JsonNode introspect(String token) throws Exception {
        HttpResponse<String> response = serviceCall("/oauth2/introspect", Map.of("token", token));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> serviceCall(String path, Map<String, String> form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(serviceId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(SERVICE_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String etagOf(Account account, String token) throws Exception {
        return admin.etag("/accounts/" + account.id(), token);
    }

    /** Waits for what identity-server's workers do in the background; the bound only guards against a hang. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private JsonNode awaitSignInShown(Account account, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            HttpResponse<String> response = admin.get("/accounts/" + account.id(), token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).isPresent();
            JsonNode view = JSON.readTree(response.body());
            if (!view.get("recent_sign_ins").isEmpty() || Instant.now().isAfter(deadline)) {
                return view;
            }
            Thread.sleep(100);
        }
    }
}
