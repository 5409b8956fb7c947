package dev.signet.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.sessions.AccountSession;
import dev.signet.core.sessions.redis.RedisAccountSessionDirectory;
import dev.signet.core.testing.RedisTestServer;
import dev.signet.server.sessions.SessionIds;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.testing.BackChannelReceiver;
import dev.signet.server.testing.Inbox;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's sessions on the account page, over HTTP with sessions in Redis (as in a multi-instance deployment):
 * two devices signed in, each to a relying party registered for this test with a live back-channel receiver; ending
 * sessions from the account page, by changing the password and by resetting it; the services used.
 */
class AccountSessionsIT extends RedisServerIntegrationTest {

    private static final String PASSWORD = "account sessions password";
    private static final String NEW_PASSWORD = "a new and much longer passphrase";
    private static final String SECRET = "account-sessions-secret-" + UUID.randomUUID();
    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    EmailSender emailSender;
    @Autowired
    AuditLog auditLog;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    private final HttpClient http = HttpClient.newHttpClient();
    private BackChannelReceiver receiver;
    private String clientId;
    private final URI redirectUri = URI.create("https://account-sessions.test.example/callback");

    @BeforeEach
    void relyingPartyWithAReceiver() throws Exception {
        receiver = BackChannelReceiver.start();
        clientId = "account-sessions-" + UUID.randomUUID();
        relyingParties.save(new RelyingParty(clientId, "Apply for a fishing licence", List.of(redirectUri),
                List.of(), Optional.of(receiver.uri()), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                Optional.empty(), Optional.empty(), Optional.of(sha256Hex(SECRET)), "account-sessions.test.example",
                SubjectType.PAIRWISE, Set.of("authorization_code", "refresh_token"), Set.of("openid"), Set.of(),
                List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theAccountPageListsEachDeviceAndTheServicesUsed() throws Exception {
        String email = newAccount("list");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        signInToTheService(phone);

        String page = laptop.get("/account").body();

        assertThat(page).contains("Where you are signed in").contains("Firefox on Windows")
                .contains("Safari on iPhone").contains("This device").contains("Sign out of all other devices")
                .contains("Sign out everywhere");
        assertThat(page.indexOf("Firefox on Windows")).as("this device first")
                .isLessThan(page.indexOf("Safari on iPhone"));
        assertThat(page).contains("Services you have used").contains("Apply for a fishing licence")
                .containsPattern("Last signed in \\d{1,2} \\w+ \\d{4} at \\d{1,2}:\\d{2}[ap]m");
        assertThat(page).as("pages name sessions by sid, never by their id").doesNotContain(sessionId(laptop))
                .doesNotContain(sessionId(phone));
        assertThat(laptop.get("/account?lang=cy").body()).contains("Ble rydych wedi mewngofnodi")
                .contains("Gwasanaethau rydych wedi");
    }

    /** The contract of identity-core's Redis adapter with the sessions identity-server really writes. */
    @Test
    void theAdminApisDirectoryReadsEachSignedInSessionAsThePageNamesIt() throws Exception {
        String email = newAccount("directory");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        String laptopSid = SessionIds.sid(sessionId(laptop));
        String phoneSid = SessionIds.sid(sessionId(phone));
        RedisClient client = RedisClient.create(RedisTestServer.uri());
        try (StatefulRedisConnection<String, byte[]> connection = client.connect(
                RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            RedisAccountSessionDirectory directory = new RedisAccountSessionDirectory(connection.sync(),
                    Clock.systemUTC());

            List<AccountSession> found = directory.findByAccount(accountId(email));

            assertThat(found).extracting(AccountSession::sid).containsExactly(phoneSid, laptopSid);
            assertThat(found.get(1)).satisfies(session -> {
                assertThat(session.browser()).contains("Firefox");
                assertThat(session.system()).contains("Windows");
                assertThat(session.level()).contains("Cl");
                assertThat(session.signedInAt()).hasValueSatisfying(
                        signedIn -> assertThat(signedIn).isBefore(session.lastActiveAt().plusSeconds(1)));
            });
            assertThat(found.get(0).browser()).contains("Safari");
            assertThat(found.get(0).system()).contains("iPhone");

            String link = "/account/sessions/" + laptopSid + "/sign-out";
            assertThat(phone.submit(phone.get(link), link, Map.of()).location()).endsWith("/account");
            assertThat(directory.findByAccount(accountId(email))).extracting(AccountSession::sid)
                    .containsExactly(phoneSid);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void signingOutOfOneDeviceEndsItsSessionRevokesItsTokensAndTellsTheService() throws Exception {
        String email = newAccount("one");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        JsonNode phoneTokens = signInToTheService(phone);
        JsonNode laptopTokens = signInToTheService(laptop);
        String phoneSid = sid(phoneTokens);

        TestBrowser.Page accountPage = laptop.get("/account");
        String link = "/account/sessions/" + phoneSid + "/sign-out";
        assertThat(accountPage.body()).contains(link);
        TestBrowser.Page confirm = laptop.get(link);
        assertThat(confirm.body()).contains("Sign out of a device").contains("Safari on iPhone")
                .doesNotContain("currentPassword");
        TestBrowser.Page done = laptop.submit(confirm, link, Map.of());

        assertThat(done.location()).endsWith("/account");
        assertThat(laptop.follow(done).body()).contains("You have signed out of that device");
        assertThat(phone.get("/account").location()).as("the phone is signed out").endsWith("/sign-in");
        SignedJWT logoutToken = receiver.awaitLogoutToken();
        assertThat(logoutToken.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(phoneSid);
        assertThat(logoutToken.getJWTClaimsSet().getAudience()).containsExactly(clientId);
        assertThat(refresh(phoneTokens).statusCode()).as("the phone's refresh token").isEqualTo(400);
        assertThat(refresh(laptopTokens).statusCode()).as("the laptop's refresh token").isEqualTo(200);
        assertThat(inbox().latestTo(email).subject()).isEqualTo("Devices signed out of your account");
        AuditEntry audited = awaitAudit(accountId(email), AuditEventType.SESSIONS_ENDED);
        assertThat(audited.event().details()).containsEntry("scope", "one").containsEntry("reason", "citizen")
                .containsEntry("sessions", "1").containsEntry("services_told", "1")
                .containsEntry("families_revoked", "1");
    }

    @Test
    void signingOutOfOtherDevicesKeepsThisOneAndEndsEveryOther() throws Exception {
        String email = newAccount("others");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        TestBrowser tablet = signedIn(email, null);
        JsonNode phoneTokens = signInToTheService(phone);
        JsonNode tabletTokens = signInToTheService(tablet);
        JsonNode laptopTokens = signInToTheService(laptop);

        TestBrowser.Page confirm = laptop.get("/account/sessions/sign-out-others");
        TestBrowser.Page done = laptop.submit(confirm, "/account/sessions/sign-out-others", Map.of());

        assertThat(laptop.follow(done).body()).contains("You have signed out of all your other devices")
                .contains("You are not signed in anywhere else");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(tablet.get("/account").location()).endsWith("/sign-in");
        assertThat(receiver.awaitLogoutTokens(2)).extracting(token -> token.getJWTClaimsSet().getStringClaim("sid"))
                .containsExactlyInAnyOrder(sid(phoneTokens), sid(tabletTokens));
        assertThat(refresh(phoneTokens).statusCode()).isEqualTo(400);
        assertThat(refresh(tabletTokens).statusCode()).isEqualTo(400);
        assertThat(refresh(laptopTokens).statusCode()).isEqualTo(200);
        assertThat(inbox().latestTo(email).body()).contains("on 2 devices");
    }

    @Test
    void signingOutEverywhereEndsThisSessionTooAndTellsEveryService() throws Exception {
        String email = newAccount("everywhere");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        JsonNode phoneTokens = signInToTheService(phone);
        JsonNode laptopTokens = signInToTheService(laptop);

        TestBrowser.Page confirm = laptop.get("/account/sessions/sign-out-everywhere");
        assertThat(confirm.body()).contains("this one included");
        TestBrowser.Page done = laptop.submit(confirm, "/account/sessions/sign-out-everywhere", Map.of());

        assertThat(done.location()).endsWith("/signed-out-everywhere");
        assertThat(laptop.follow(done).body()).contains("You have signed out everywhere");
        assertThat(laptop.get("/account").location()).endsWith("/sign-in");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(sessions.findByPrincipalName(accountId(email).toString())).isEmpty();
        assertThat(receiver.awaitLogoutTokens(2)).extracting(token -> token.getJWTClaimsSet().getStringClaim("sid"))
                .containsExactlyInAnyOrder(sid(phoneTokens), sid(laptopTokens));
        assertThat(refresh(laptopTokens).statusCode()).isEqualTo(400);
        assertThat(refresh(phoneTokens).statusCode()).isEqualTo(400);
    }

    @Test
    void aSessionSignedInLongAgoMustTypeThePasswordFirst() throws Exception {
        String email = newAccount("old-sign-in");
        Account account = accounts.findByEmail(email).orElseThrow();
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        TestBrowser leftOpen = new TestBrowser(baseUrl());
        leftOpen.addCookie("signet-session", sessionSignedIn(account, Instant.now().minus(Duration.ofHours(2))));

        TestBrowser.Page confirm = leftOpen.get("/account/sessions/sign-out-others");
        assertThat(confirm.body()).contains("You signed in a while ago").contains("currentPassword");
        TestBrowser.Page noPassword = leftOpen.submit(confirm, "/account/sessions/sign-out-others", Map.of());
        assertThat(noPassword.body()).contains("Enter your current password");
        TestBrowser.Page wrong = leftOpen.submit(confirm, "/account/sessions/sign-out-others",
                Map.of("currentPassword", "not the password"));
        assertThat(wrong.body()).contains("The password is not correct");
        assertThat(phone.get("/account").status()).as("nothing ended yet").isEqualTo(200);

        TestBrowser.Page done = leftOpen.submit(confirm, "/account/sessions/sign-out-others",
                Map.of("currentPassword", PASSWORD));

        assertThat(done.location()).endsWith("/account");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void aSessionAlreadyEndedOrSomeoneElsesCannotBeSignedOut() throws Exception {
        String email = newAccount("gone");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser stranger = signedIn(newAccount("stranger"), SAFARI_ON_IPHONE);
        String strangersSid = sid(signInToTheService(stranger));

        TestBrowser.Page page = laptop.get("/account/sessions/" + strangersSid + "/sign-out");

        assertThat(page.body()).contains("You are no longer signed in on that device");
        assertThat(stranger.get("/account").status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndTellsTheirServices() throws Exception {
        String email = newAccount("change-password");
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        JsonNode phoneTokens = signInToTheService(phone);
        JsonNode laptopTokens = signInToTheService(laptop);

        TestBrowser.Page changed = laptop.submit(laptop.get("/account/change-password"), "/account/change-password",
                Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(laptop.follow(changed).body()).contains(
                "Your password has been changed and you have been signed out of all your other devices");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(receiver.awaitLogoutToken().getJWTClaimsSet().getStringClaim("sid")).isEqualTo(sid(phoneTokens));
        assertThat(refresh(phoneTokens).statusCode()).isEqualTo(400);
        assertThat(refresh(laptopTokens).statusCode()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(awaitAudit(accountId(email), AuditEventType.SESSIONS_ENDED).event().details())
                .containsEntry("scope", "others").containsEntry("reason", "password_changed");
    }

    @Test
    void resettingThePasswordEndsEverySessionAndTellsTheirServices() throws Exception {
        String email = newAccount("reset");
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        JsonNode phoneTokens = signInToTheService(phone);

        TestBrowser forgotten = new TestBrowser(baseUrl());
        TestBrowser.Page check = forgotten.follow(forgotten.submit(forgotten.get("/reset-password"),
                "/reset-password", Map.of("email", email)));
        TestBrowser.Page newPassword = forgotten.follow(forgotten.submit(check, "/reset-password/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        TestBrowser.Page done = forgotten.follow(forgotten.submit(newPassword, "/reset-password/new-password",
                Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)));

        assertThat(done.body()).contains("we have signed you out of your account on every device");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(receiver.awaitLogoutToken().getJWTClaimsSet().getStringClaim("sid")).isEqualTo(sid(phoneTokens));
        assertThat(refresh(phoneTokens).statusCode()).isEqualTo(400);
    }

    @Test
    void deletingTheAccountEndsEverySessionAndTellsEveryService() throws Exception {
        String email = newAccount("delete");
        UUID id = accountId(email);
        TestBrowser laptop = signedIn(email, FIREFOX_ON_WINDOWS);
        TestBrowser phone = signedIn(email, SAFARI_ON_IPHONE);
        JsonNode phoneTokens = signInToTheService(phone);

        TestBrowser.Page deleted = laptop.submit(laptop.get("/account/delete"), "/account/delete",
                Map.of("currentPassword", PASSWORD));

        assertThat(deleted.location()).endsWith("/account-deleted");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(receiver.awaitLogoutToken().getJWTClaimsSet().getStringClaim("sid"))
                .as("the phone's service is told, though the phone did not delete the account")
                .isEqualTo(sid(phoneTokens));
        assertThat(refresh(phoneTokens).statusCode()).isEqualTo(400);
        assertThat(awaitAudit(id, AuditEventType.SESSIONS_ENDED).event().details())
                .containsEntry("reason", "account_deleted").containsEntry("sessions", "2");
    }

    // ---- citizens, devices and the test service ----

    private String newAccount(String who) {
        Instant now = Instant.now();
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));
        return email;
    }

    private UUID accountId(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    /** A browser on a device (its User-Agent, or the HTTP client's own when null), signed in with the password. */
    private TestBrowser signedIn(String email, String userAgent) throws Exception {
        TestBrowser browser = new TestBrowser(baseUrl());
        if (userAgent != null) {
            browser.userAgent(userAgent);
        }
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        // The first signed-in request notes the device.
        assertThat(browser.get("/account").status()).isEqualTo(200);
        return browser;
    }

    /** A session put in Redis as the sign-in journey leaves it, signed in at {@code authTime}; the cookie value. */
    @SuppressWarnings("unchecked")
    private String sessionSignedIn(Account account, Instant authTime) {
        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(new CitizenAuthentication(
                account.id(), authTime.truncatedTo(ChronoUnit.SECONDS), CredentialTrustLevel.MEDIUM)));
        repository.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionId(TestBrowser browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("signet-session").orElseThrow()),
                StandardCharsets.UTF_8);
    }

    /** The browser signs in to the test service; returns the service's token response. */
    private JsonNode signInToTheService(TestBrowser browser) throws Exception {
        TestBrowser.Page authorize = browser.get("/oauth2/authorize?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri.toString()) + "&scope=openid&vtr=" + encode("[\"Cl\"]")
                + "&state=s1&nonce=" + UUID.randomUUID());
        assertThat(authorize.location()).as(authorize.toString()).startsWith(redirectUri + "?");
        String code = URI.create(authorize.location()).getRawQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        HttpResponse<String> token = tokenRequest(Map.of("grant_type", "authorization_code",
                "code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri",
                redirectUri.toString()));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private HttpResponse<String> refresh(JsonNode tokens) throws Exception {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token",
                tokens.get("refresh_token").asString()));
    }

    private HttpResponse<String> tokenRequest(Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (encode(clientId) + ":" + encode(SECRET)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sid(JsonNode tokens) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
        return claims.getStringClaim("sid");
    }

    private Inbox inbox() {
        return new Inbox(emailSender);
    }

    /** The account's latest audit entry of the type, once the writer thread has written it. */
    private AuditEntry awaitAudit(UUID accountId, AuditEventType type) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<AuditEntry> entry = auditLog.find(AuditFilter.ALL.withAccount(accountId), Optional.empty(), 100)
                    .entries().stream().filter(e -> e.event().type().equals(type)).findFirst();
            if (entry.isPresent()) {
                return entry.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No " + type + " audit entry for " + accountId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
