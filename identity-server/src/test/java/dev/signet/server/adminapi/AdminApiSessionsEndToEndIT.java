package dev.signet.server.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.sessions.SessionIds;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.BackChannelReceiver;
import dev.signet.server.testing.RedisServerIntegrationTest;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * An account's live sessions in the admin API, end to end: identity-server keeps sessions in a real redis-server, the
 * admin API (started here, on the same PostgreSQL and with the same {@code signet.redis.url}) lists them in the
 * account view, and an operator ends one of them through identity-server's session-ending worker: that browser is
 * signed out and its service told by back-channel logout, while the citizen's other session goes on.
 */
class AdminApiSessionsEndToEndIT extends RedisServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "admin sessions password";
    private static final String SERVICE_SECRET = "admin-sessions-secret-" + UUID.randomUUID();
    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();

    @Autowired
    Environment environment;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private OperatorClient admin;
    private BackChannelReceiver receiver;
    private String serviceId;
    private final URI serviceCallback = URI.create("https://admin-sessions.test.example/callback");

    @BeforeEach
    void startAdminApi() {
        admin = ADMIN_API.start(environment, baseUrl()).operator();
    }

    @BeforeEach
    void serviceWithABackChannelReceiver() throws Exception {
        receiver = BackChannelReceiver.start();
        serviceId = "admin-sessions-" + UUID.randomUUID();
        relyingParties.save(new RelyingParty(serviceId, "Admin sessions service", List.of(serviceCallback),
                List.of(), Optional.of(receiver.uri()), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                Optional.empty(), Optional.empty(), Optional.of(HexFormat.of().formatHex(MessageDigest
                        .getInstance("SHA-256").digest(SERVICE_SECRET.getBytes(StandardCharsets.UTF_8)))),
                "admin-sessions.test.example", SubjectType.PAIRWISE, Set.of("authorization_code", "refresh_token"),
                Set.of("openid"), Set.of(), List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false,
                RelyingParty.Source.ADMIN));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anOperatorSeesBothSessionsEndsOneAndTheOtherGoesOn() throws Exception {
        Account account = newAccount();
        TestBrowser laptop = signedIn(account, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(account, SAFARI_ON_IPHONE);
        String phoneSid = sid(signInToTheService(phone));
        String laptopSid = SessionIds.sid(sessionId(laptop));
        assertThat(phoneSid).isEqualTo(SessionIds.sid(sessionId(phone)));
        String operator = admin.token("test-operator-actions", "admin.read admin.support");

        HttpResponse<String> viewed = admin.get("/accounts/" + account.id(), operator);

        assertThat(viewed.statusCode()).as(viewed.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(viewed.body());
        assertThat(view.get("sessions_available").asBoolean()).isTrue();
        assertThat(view.get("sessions")).hasSize(2);
        JsonNode laptopSession = sessionOf(view, laptopSid);
        assertThat(laptopSession.get("browser").asString()).isEqualTo("Firefox");
        assertThat(laptopSession.get("system").asString()).isEqualTo("Windows");
        assertThat(laptopSession.get("auth_level").asString()).isEqualTo("Cl");
        assertThat(Instant.parse(laptopSession.get("signed_in_at").asString()))
                .isBeforeOrEqualTo(Instant.parse(laptopSession.get("last_active_at").asString()));
        assertThat(sessionOf(view, phoneSid).get("system").asString()).isEqualTo("iPhone");
        assertThat(viewed.body()).as("session ids are bearer secrets").doesNotContain(sessionId(laptop))
                .doesNotContain(sessionId(phone));

        HttpResponse<String> ended = admin.post("/accounts/" + account.id() + "/sessions/" + phoneSid + "/end",
                "{\"reason\":\"SUP-77 phone stolen\"}", operator);

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(202);
        assertThat(JSON.readTree(ended.body()).get("sid").asString()).isEqualTo(phoneSid);
        SignedJWT logoutToken = receiver.awaitLogoutToken();
        assertThat(logoutToken.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(phoneSid);
        awaitSessionEndingsCarriedOut(account);
        assertThat(phone.get("/account").location()).as("the phone is signed out").endsWith("/sign-in");
        assertThat(laptop.get("/account").status()).as("the laptop goes on").isEqualTo(200);
        JsonNode after = JSON.readTree(admin.get("/accounts/" + account.id(), operator).body());
        assertThat(after.get("sessions")).hasSize(1);
        assertThat(after.get("sessions").get(0).get("sid").asString()).isEqualTo(laptopSid);
        JsonNode audit = JSON.readTree(admin.get("/audit?account=" + account.id()
                + "&type=operator.account.session_ended", admin.token("test-operator", "audit.read"))
                .body());
        assertThat(audit.toString()).contains(phoneSid).contains("SUP-77 phone stolen");
    }

    @Test
    void endingASessionTheAccountDoesNotHaveIsNotFound() throws Exception {
        Account account = newAccount();
        signedIn(account, FIREFOX_ON_WINDOWS);
        String operator = admin.token("test-operator-actions", "admin.read admin.support");

        HttpResponse<String> ended = admin.post("/accounts/" + account.id() + "/sessions/no-such-sid/end",
                "{\"reason\":\"SUP-78\"}", operator);

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(404);
        assertThat(ended.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM account_session_ending WHERE "
                + "account_id = ?").param(account.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void endingASessionNeedsTheSupportScope() throws Exception {
        Account account = newAccount();
        TestBrowser laptop = signedIn(account, FIREFOX_ON_WINDOWS);
        String reader = admin.token("test-operator-actions", "admin.read");

        HttpResponse<String> ended = admin.post("/accounts/" + account.id() + "/sessions/"
                + SessionIds.sid(sessionId(laptop)) + "/end", "{\"reason\":\"SUP-79\"}", reader);

        assertThat(ended.statusCode()).isEqualTo(403);
        assertThat(laptop.get("/account").status()).isEqualTo(200);
    }

    private static JsonNode sessionOf(JsonNode view, String sid) {
        for (JsonNode session : view.get("sessions")) {
            if (session.get("sid").asString().equals(sid)) {
                return session;
            }
        }
        throw new AssertionError("no session " + sid + " in " + view.get("sessions"));
    }

    private Account newAccount() {
        Instant now = Instant.now();
        Account account = new Account(UUID.randomUUID(), "admin-sessions-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@example.com", true, Optional.of(hasher.hash(PASSWORD)), AccountStatus.ACTIVE,
                now, now);
        accounts.create(account);
        return account;
    }

    /** A browser on a device, signed in with the password; its first signed-in request notes the device. */
    private TestBrowser signedIn(Account account, String userAgent) throws Exception {
        TestBrowser browser = new TestBrowser(baseUrl()).userAgent(userAgent);
        assertThat(browser.signIn(account.email(), PASSWORD).location()).endsWith("/account");
        assertThat(browser.get("/account").status()).isEqualTo(200);
        return browser;
    }

    private static String sessionId(TestBrowser browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("signet-session").orElseThrow()),
                StandardCharsets.UTF_8);
    }

    private static String sid(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet().getStringClaim("sid");
    }

    /** The signed-in browser signs in to this test's service (Cl) and the service redeems the code. */
    private JsonNode signInToTheService(TestBrowser browser) throws Exception {
        TestBrowser.Page authorized = browser.get("/oauth2/authorize?" + SecretClient.form(Map.of(
                "response_type", "code", "client_id", serviceId, "redirect_uri", serviceCallback.toString(),
                "scope", "openid", "vtr", "[\"Cl\"]", "state", "s", "nonce", UUID.randomUUID().toString())));
        assertThat(authorized.location()).as(authorized.toString()).startsWith(serviceCallback.toString());
        String query = URI.create(authorized.location()).getRawQuery();
        String code = URLDecoder.decode(query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(serviceId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(SERVICE_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(Map.of("grant_type",
                        "authorization_code", "code", code, "redirect_uri", serviceCallback.toString()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    /** Waits for identity-server's worker; the bound only guards against a hang. */
    private void awaitSessionEndingsCarriedOut(Account account) throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        int pending;
        do {
            pending = jdbc.sql("SELECT count(*) FROM account_session_ending WHERE account_id = ?")
                    .param(account.id()).query(Integer.class).single();
            if (pending > 0) {
                Thread.sleep(100);
            }
        } while (pending > 0 && Instant.now().isBefore(giveUp));
        assertThat(pending).as("the session ending was carried out").isZero();
    }
}
