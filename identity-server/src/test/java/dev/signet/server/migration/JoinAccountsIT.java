package dev.signet.server.migration;

import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.server.testing.AuditEntries;
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
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Join your accounts" over HTTP: a signed-in citizen links an old account that another of their Signet accounts
 * holds, proves control of that account too, and it is merged into the signed-in one (identity-core's merge, with its
 * audit, session ending and Security Event Tokens), against the legacy-database connector on real PostgreSQL.
 */
class JoinAccountsIT extends JourneyIntegrationTest {

    private static final String TARGET_PASSWORD = "the password of the account kept";
    private static final String SOURCE_PASSWORD = "the password of the other account";
    private static final String MERGED_EVENT = "https://signet.dev/secevent/account-merged";

    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private AuditLog auditLog;
    @Autowired
    private AccountMerges merges;
    @Autowired
    private SecondFactorRepository secondFactors;
    @Autowired
    private RelyingPartyRepository relyingParties;
    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void legacySystems(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
        // The shipped account limit (5 free attempts), with a wait after them no test run can outlast.
        registry.add("signet.protection.sign-in.account.first-delay", () -> "1h");
        registry.add("signet.protection.sign-in.account.max-delay", () -> "1h");
    }

    @Test
    void provingTheOtherAccountsPasswordJoinsItIntoTheSignedInAccount() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("joined", SOURCE_PASSWORD);
        TestBrowser browser = signedIn(two.target().email());

        TestBrowser.Page offer = offerToJoin(browser, two.login());

        assertThat(offer.body()).contains("Your old account is part of another account")
                .contains("Your Vehicle tax account is part of another account with us")
                .contains(MaskedEmail.of(two.source().email()))
                .as("the other account's address is only shown masked").doesNotContain(two.source().email());
        TestBrowser.Page joined = browser.submit(offer, "/account/old-accounts/join",
                Map.of("email", two.source().email(), "password", SOURCE_PASSWORD));

        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.body()).contains("Your accounts have been joined");
        assertThat(links.find("vehicle-tax", two.subject()).orElseThrow().accountId()).isEqualTo(two.target().id());
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.MERGED);
        assertThat(merges.activeMergeOf(two.source().id()).orElseThrow().targetAccountId())
                .isEqualTo(two.target().id());
        assertThat(inbox().latestWithSubject(two.target().email(), "Your accounts have been joined").body())
                .contains(MaskedEmail.of(two.source().email()));
        assertThat(inbox().latestWithSubject(two.source().email(),
                "This account has been joined to your other account").body())
                .contains(MaskedEmail.of(two.target().email()));
        AuditEntry audited = AuditEntries.await(auditLog, two.target().id(), AuditEventType.ACCOUNTS_MERGED);
        assertThat(audited.event().details()).containsEntry("role", "target")
                .containsEntry("reason", AccountJoining.REASON).containsEntry("proof", "signet_password")
                .containsEntry("connector", "vehicle-tax");

        // The merged account no longer signs in; its old account now signs in to the account kept.
        assertThat(browser().signIn(two.source().email(), SOURCE_PASSWORD).body())
                .contains("joined to another of your accounts");
        TestBrowser other = browser();
        TestBrowser.Page signedIn = signInWithOldAccount(other, two.login());
        assertThat(signedIn.location()).endsWith("/account");
        assertThat(other.get("/account").body()).contains(two.target().email());
    }

    @Test
    void aWrongPasswordForTheOtherAccountIsRefusedAndCountedLikeASignIn() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("wrong", SOURCE_PASSWORD);
        TestBrowser browser = signedIn(two.target().email());
        TestBrowser.Page offer = offerToJoin(browser, two.login());

        for (int attempt = 1; attempt <= 6; attempt++) {
            TestBrowser.Page wrong = browser.submit(offer, "/account/old-accounts/join",
                    Map.of("email", two.source().email(), "password", "not it " + attempt));
            assertThat(wrong.status()).as("attempt " + attempt).isEqualTo(200);
            assertThat(wrong.body()).contains("The email address or password is not correct");
        }
        TestBrowser.Page refused = browser.submit(offer, "/account/old-accounts/join",
                Map.of("email", two.source().email(), "password", SOURCE_PASSWORD));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("You have tried to sign in too many times");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(links.find("vehicle-tax", two.subject()).orElseThrow().accountId()).isEqualTo(two.source().id());
        // The same count as the other account's own sign-in: it is locked out there too.
        assertThat(browser().signIn(two.source().email(), SOURCE_PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void theDetailsOfTheSignedInAccountItselfAreNotTheOtherAccount() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("self", SOURCE_PASSWORD);
        TestBrowser browser = signedIn(two.target().email());
        TestBrowser.Page offer = offerToJoin(browser, two.login());

        TestBrowser.Page refused = browser.submit(offer, "/account/old-accounts/join",
                Map.of("email", two.target().email(), "password", TARGET_PASSWORD));

        assertThat(refused.body()).contains("These are the details of a different account");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void anOtherAccountWithASecondFactorNeedsItsCodeToo() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("factor", SOURCE_PASSWORD);
        secondFactors.save(SecondFactor.email(UUID.randomUUID(), two.source().id(), Instant.now()));
        TestBrowser browser = signedIn(two.target().email());
        TestBrowser.Page offer = offerToJoin(browser, two.login());

        TestBrowser.Page password = browser.submit(offer, "/account/old-accounts/join",
                Map.of("email", two.source().email(), "password", SOURCE_PASSWORD));

        assertThat(password.location()).endsWith("/account/old-accounts/join/code");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status())
                .as("a password alone does not join an account with a second factor").isEqualTo(AccountStatus.ACTIVE);
        TestBrowser.Page codePage = browser.get(password.location());
        assertThat(codePage.body()).contains("Enter a code for the other account")
                .contains(MaskedEmail.of(two.source().email()));
        String code = inbox().latestCodeTo(two.source().email());
        TestBrowser.Page wrong = browser.submit(codePage, "/account/old-accounts/join/code",
                Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.body()).contains("The code is not correct");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);

        TestBrowser.Page joined = browser.submit(codePage, "/account/old-accounts/join/code", Map.of("code", code));

        assertThat(joined.body()).contains("Your accounts have been joined");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.MERGED);
        assertThat(AuditEntries.await(auditLog, two.target().id(), AuditEventType.ACCOUNTS_MERGED).event().details())
                .containsEntry("proof", "signet_password_and_second_factor");
    }

    @Test
    void anOtherAccountWithoutAPasswordIsProvenWithACodeToItsAddress() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("nopassword", null);
        TestBrowser browser = signedIn(two.target().email());
        TestBrowser.Page offer = offerToJoin(browser, two.login());
        assertThat(offer.body()).contains("The other account has no password")
                .doesNotContain("name=\"password\"");

        TestBrowser.Page sent = browser.submit(offer, "/account/old-accounts/join/send-code", Map.of());
        assertThat(sent.location()).endsWith("/account/old-accounts/join/code");
        TestBrowser.Page codePage = browser.get(sent.location());
        String code = inbox().latestCodeTo(two.source().email());
        TestBrowser.Page joined = browser.submit(codePage, "/account/old-accounts/join/code", Map.of("code", code));

        assertThat(joined.body()).contains("Your accounts have been joined");
        assertThat(links.find("vehicle-tax", two.subject()).orElseThrow().accountId()).isEqualTo(two.target().id());
        assertThat(AuditEntries.await(auditLog, two.target().id(), AuditEventType.ACCOUNTS_MERGED).event().details())
                .containsEntry("proof", "email_code");
    }

    @Test
    void aSuspendedOtherAccountGoesToOperatorsAndNothingChanges() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("suspended", SOURCE_PASSWORD);
        accounts.updateStatus(two.source().id(), AccountStatus.SUSPENDED);
        TestBrowser browser = signedIn(two.target().email());

        TestBrowser.Page page = browser.get(linkOldAccount(browser, two.login()).location());

        assertThat(page.body()).contains("Our support team can join your accounts")
                .contains("cannot be joined to this one here").doesNotContain("name=\"password\"");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(links.find("vehicle-tax", two.subject()).orElseThrow().accountId()).isEqualTo(two.source().id());
    }

    @Test
    void aCitizenWhoCannotProveTheOtherAccountIsToldAnOperatorCanHelpInWelshToo() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("cannot", SOURCE_PASSWORD);
        TestBrowser browser = signedIn(two.target().email());
        offerToJoin(browser, two.login());

        TestBrowser.Page help = browser.get("/account/old-accounts/join/help");

        assertThat(help.body()).contains("Our support team can join your accounts")
                .contains("you need to sign in to the other account").contains("Nothing has changed in either account");
        assertThat(browser.get("/account/old-accounts/join").body()).as("the journey is over")
                .contains("href=\"/account/old-accounts\"").doesNotContain("Join the accounts");
        offerToJoin(browser, two.login());
        assertThat(browser.acceptLanguage("cy").get("/account/old-accounts/join/help").body())
                .contains("Gall ein tîm cymorth uno eich cyfrifon");
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void aServiceWithAnEventsEndpointIsSentTheMergeWithTheOldAndNewSub() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Service service = serviceWithEventsEndpoint(receiver.getAddress().getPort());
            Accounts two = twoAccountsSharingAnOldAccount("told", SOURCE_PASSWORD);
            TestBrowser sourceBrowser = signedIn(two.source().email(), SOURCE_PASSWORD);
            String sourceSub = subjectAt(service, sourceBrowser);
            TestBrowser browser = signedIn(two.target().email());
            String targetSub = subjectAt(service, browser);

            TestBrowser.Page joined = browser.submit(offerToJoin(browser, two.login()), "/account/old-accounts/join",
                    Map.of("email", two.source().email(), "password", SOURCE_PASSWORD));

            assertThat(joined.body()).contains("Your accounts have been joined");
            JWTClaimsSet token = verified(received.poll(1, TimeUnit.MINUTES));
            assertThat(token.getAudience()).containsExactly(service.id());
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) token.getJSONObjectClaim("events").get(MERGED_EVENT);
            assertThat(event).containsEntry("previous_sub", sourceSub).containsEntry("sub", targetSub);
            assertThat(sourceBrowser.get("/account").location()).as("the merged account's session ended")
                    .endsWith("/sign-in");
            assertThat(browser.get("/account").status()).as("the citizen stays signed in").isEqualTo(200);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void anOldAccountWhoseVouchedAddressBelongsToAMergedAccountIsNeverLinkedToIt() throws Exception {
        Accounts two = twoAccountsSharingAnOldAccount("mergedemail", SOURCE_PASSWORD);
        TestBrowser browser = signedIn(two.target().email());
        browser.submit(offerToJoin(browser, two.login()), "/account/old-accounts/join",
                Map.of("email", two.source().email(), "password", SOURCE_PASSWORD));
        assertThat(accounts.findById(two.source().id()).orElseThrow().status()).isEqualTo(AccountStatus.MERGED);
        // The "joined" email is sent off the request: wait for it, so that the code below is the next email.
        inbox().latestWithSubject(two.source().email(), "This account has been joined to your other account");
        int emailsBefore = inbox().messagesTo(two.source().email()).size();
        // Another old account, not linked yet, vouching for the merged account's address.
        String login = unique("stray");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, two.source().email(), true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        TestBrowser citizen = browser();

        TestBrowser.Page existing = signInWithOldAccount(citizen, login);
        assertThat(existing.location()).endsWith("/sign-in/old-account/existing-account");
        TestBrowser.Page byPassword = citizen.submit(citizen.get(existing.location()),
                "/sign-in/old-account/existing-account", Map.of("password", SOURCE_PASSWORD));
        assertThat(byPassword.body()).contains("joined to another of your accounts");
        assertThat(links.find("vehicle-tax", subject)).as("nothing linked to the merged account").isEmpty();

        TestBrowser.Page again = signInWithOldAccount(citizen, login);
        TestBrowser.Page sent = citizen.submit(citizen.get(again.location()),
                "/sign-in/old-account/existing-account/send-code", Map.of());
        String code = inbox().codeTo(two.source().email(), emailsBefore + 1);
        citizen.submit(citizen.get(sent.location()), "/sign-in/old-account/email/check-email", Map.of("code", code));
        TestBrowser.Page confirmed = citizen.submit(citizen.get("/sign-in/old-account/existing-account"),
                "/sign-in/old-account/existing-account/confirm", Map.of());
        assertThat(confirmed.body()).contains("joined to another of your accounts");
        assertThat(links.find("vehicle-tax", subject)).as("nor after a code to its address").isEmpty();
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    private record Accounts(Account target, Account source, String login, String subject) {
    }

    /** A signed-in citizen's account, and another holding an old Vehicle tax account; no password when null. */
    private Accounts twoAccountsSharingAnOldAccount(String who, String sourcePassword) {
        Account target = existingAccount(uniqueEmail(who + "-kept"), TARGET_PASSWORD, AccountStatus.ACTIVE);
        Instant now = Instant.now();
        Account source = accounts.create(new Account(UUID.randomUUID(), uniqueEmail(who + "-other"), true,
                Optional.ofNullable(sourcePassword).map(hasher::hash), AccountStatus.ACTIVE, now, now));
        String login = unique(who);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, uniqueEmail(who + "-legacy"), true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        links.link(LinkedIdentity.of(source.id(), "vehicle-tax", subject, now, LinkMethod.EMAIL_CODE,
                Optional.empty()));
        return new Accounts(target, source, login, subject);
    }

    private TestBrowser signedIn(String email) throws Exception {
        return signedIn(email, TARGET_PASSWORD);
    }

    private TestBrowser signedIn(String email, String password) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, password).location()).endsWith("/account");
        return browser;
    }

    /** "Link another old account" with the old account's right details: the answer to its sign-in form. */
    private static TestBrowser.Page linkOldAccount(TestBrowser browser, String login) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/account/old-accounts"), "/account/old-accounts",
                Map.of("connector", "vehicle-tax"));
        TestBrowser.Page form = browser.get(chosen.location());
        return browser.submit(form, "/account/old-accounts/sign-in",
                Map.of("loginName", login, "password", LEGACY_PASSWORD));
    }

    /** Links the old account held by the other account: the "join your accounts" page it leads to. */
    private static TestBrowser.Page offerToJoin(TestBrowser browser, String login) throws Exception {
        TestBrowser.Page linked = linkOldAccount(browser, login);
        assertThat(linked.location()).endsWith("/account/old-accounts/join");
        TestBrowser.Page offer = browser.get(linked.location());
        assertThat(offer.status()).isEqualTo(200);
        return offer;
    }

    /** "Sign in with an account you already have" with the old account's details. */
    private static TestBrowser.Page signInWithOldAccount(TestBrowser browser, String login) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", "vehicle-tax"));
        return browser.submit(browser.get(chosen.location()), "/sign-in/old-account/sign-in",
                Map.of("loginName", login, "password", LEGACY_PASSWORD));
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- A service with an events endpoint ---------------------------------------------------------------------------

    private record Service(String id, String secret, URI callback) {
    }

    private Service serviceWithEventsEndpoint(int port) throws Exception {
        Service service = new Service("join-" + UUID.randomUUID(), "join-secret-" + UUID.randomUUID(),
                URI.create("https://join.test.example/callback"));
        relyingParties.save(new RelyingParty(service.id(), "Join accounts service", List.of(service.callback()),
                List.of(), Optional.empty(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(),
                Optional.empty(), Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(service.secret().getBytes(StandardCharsets.UTF_8)))), "join.test.example",
                SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"), Set.of(), List.of("Cl"),
                IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN)
                .withSecurityEvents(Optional.of(URI.create("http://127.0.0.1:" + port + "/events")),
                        Optional.empty()));
        return service;
    }

    /** The signed-in browser signs in to the service; the sub its ID token carries. */
    private String subjectAt(Service service, TestBrowser browser) throws Exception {
        TestBrowser.Page authorized = browser.get("/oauth2/authorize?" + SecretClient.form(Map.of(
                "response_type", "code", "client_id", service.id(), "redirect_uri", service.callback().toString(),
                "scope", "openid", "vtr", "[\"Cl\"]", "state", "s", "nonce", UUID.randomUUID().toString())));
        assertThat(authorized.location()).as(authorized.toString()).startsWith(service.callback().toString());
        String query = URI.create(authorized.location()).getRawQuery();
        String code = URLDecoder.decode(query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(service.id(), StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(service.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(Map.of("grant_type",
                        "authorization_code", "code", code, "redirect_uri", service.callback().toString()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return SignedJWT.parse(JsonMapper.builder().build().readTree(tokens.body()).get("id_token").asString())
                .getJWTClaimsSet().getSubject();
    }

    /** A pushed Security Event Token, its signature checked against the keys Signet publishes. */
    private JWTClaimsSet verified(String body) throws Exception {
        assertThat(body).as("a security event token reached the service").isNotNull();
        SignedJWT jwt = SignedJWT.parse(body);
        JWKSet published = JWKSet.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/oauth2/jwks")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        ECKey key = (ECKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("signed with a key in Signet's JWKS").isNotNull();
        assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).as("signature").isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(environment.getRequiredProperty("signet.issuer"));
        return jwt.getJWTClaimsSet();
    }

}
