package dev.signet.server.passkeys;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.Initiator;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.merge.MergeOutcome;
import dev.signet.core.merge.MergeRequest;
import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.oidc.claims.SubjectIdentifiers;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole passkey ceremonies against the running server, with a software authenticator that builds real attestation
 * and assertion objects: register from the account page, then sign in without a password for a relying party and
 * check the ID token it gets.
 */
class PasskeyCeremonyIT extends JourneyIntegrationTest {

    /** The origin of the test server's pages as a browser would report it: the issuer's. */
    private static final String ORIGIN = "http://localhost:8080";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple " + UUID.randomUUID();
    private static final String CLIENT = SecretClient.ID;
    private static final String CALLBACK = SecretClient.CALLBACK;

    @Autowired
    PasskeyRepository passkeys;
    @Autowired
    SubjectIdentifiers subjects;
    @Autowired
    AccountMerges accountMerges;

    @Test
    void aPasskeyAddedOnTheAccountPageSignsInWithoutAPasswordAtClCmAndReturnsToTheService() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        TestBrowser.Page registered = register(signedIn(account), authenticator, "Work phone");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(JSON.readTree(registered.body()).get("redirectUrl").asString()).isEqualTo("/account");

        Passkey stored = passkeys.findByCredentialId(authenticator.credentialId()).orElseThrow();
        assertThat(stored.accountId()).isEqualTo(account.id());
        assertThat(stored.label()).isEqualTo("Work phone");
        assertThat(stored.uvInitialized()).isTrue();
        assertThat(stored.transports()).containsExactlyInAnyOrder("internal", "hybrid");
        assertThat(stored.lastUsedAt()).isEmpty();

        // A service that requires two factors sends a new browser to sign in.
        TestBrowser browser = browser();
        TestBrowser.Page toSignIn = browser.get(authorize("[\"Cl.Cm\"]"));
        assertThat(toSignIn.location()).endsWith("/sign-in");
        TestBrowser.Page signInPage = browser.follow(toSignIn);
        String sessionBefore = browser.cookie("signet-session").orElseThrow();

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestBrowser.Page signedIn = signIn(browser, signInPage, authenticator);

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String next = JSON.readTree(signedIn.body()).get("redirectUrl").asString();
        assertThat(next).contains("/oauth2/authorize").contains("client_id=" + CLIENT);
        assertThat(browser.cookie("signet-session").orElseThrow()).as("a new session id").isNotEqualTo(sessionBefore);

        // Straight back to the service with a code: the passkey was both factors, no second-factor page.
        JWTClaimsSet idToken = idToken(exchange(baseUrl(), code(browser.get(next))));
        assertThat(idToken.getSubject()).isEqualTo(subjects.subjectFor(account.id(), CLIENT));
        assertThat(idToken.getStringClaim("vot")).isEqualTo(CredentialTrustLevel.MEDIUM.vectorValue());
        assertThat(idToken.getDateClaim("auth_time").toInstant()).isBetween(before, Instant.now());

        Passkey used = passkeys.findByCredentialId(authenticator.credentialId()).orElseThrow();
        assertThat(used.signatureCount()).isEqualTo(1);
        assertThat(used.lastUsedAt()).isPresent();
        TestBrowser.Page accountPage = browser.get("/account");
        assertThat(accountPage.status()).isEqualTo(200);
        assertThat(accountPage.body()).contains("Work phone").contains("Last used");
    }

    @Test
    void withoutAServiceThePasskeySignInLandsOnTheAccountPageWhichListsThePasskeys() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-account"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        TestBrowser owner = signedIn(account);
        assertThat(register(owner, phone, "Phone").status()).isEqualTo(200);
        assertThat(owner.get("/account").body()).contains("Passkey ‘Phone’ added");
        // The account now has a strong factor: the password session proves it is the owner with it before adding more.
        assertThat(signIn(owner, owner.get("/account"), phone).status()).isEqualTo(200);
        assertThat(register(owner, key, "Security key").status()).isEqualTo(200);

        TestBrowser browser = browser();
        TestBrowser.Page signedIn = signIn(browser, browser.get("/sign-in"), key);

        assertThat(JSON.readTree(signedIn.body()).get("redirectUrl").asString()).isEqualTo("/account");
        String page = browser.get("/account").body();
        assertThat(page).contains(account.email()).contains("Phone").contains("Security key");
        assertThat(passkeys.findByAccount(account.id())).extracting(Passkey::label)
                .containsExactly("Phone", "Security key");

        // "Download your data" lists them; deleting the account deletes them.
        JsonNode data = JSON.readTree(browser.get("/account/your-data").body());
        assertThat(data.get("passkeys")).hasSize(2);
        assertThat(data.get("passkeys").get(1).get("name").asString()).isEqualTo("Security key");
        assertThat(data.get("passkeys").get(1).get("credentialId").asString()).isEqualTo(key.credentialId());
        assertThat(data.get("passkeys").get(1).has("lastUsedAt")).isTrue();
        assertThat(data.get("passkeys").get(0).has("lastUsedAt")).as("used for the step-up").isTrue();
        accounts.delete(account.id());
        assertThat(passkeys.findByAccount(account.id())).isEmpty();
        assertThat(passkeys.findByCredentialId(key.credentialId())).isEmpty();
    }

    @Test
    void aForgedReplayedOrForeignAssertionIsRefused() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-forged"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertThat(register(signedIn(account), authenticator, "Phone").status()).isEqualTo(200);
        TestBrowser browser = browser();
        TestBrowser.Page signInPage = browser.get("/sign-in");

        String forged = authenticator.signIn(options(browser, signInPage), ORIGIN, true);
        assertRefused(browser.postJson(signInPage, "/login/webauthn", forged));

        String otherOrigin = authenticator.signIn(options(browser, signInPage), "https://evil.example");
        assertRefused(browser.postJson(signInPage, "/login/webauthn", otherOrigin));

        String good = authenticator.signIn(options(browser, signInPage), ORIGIN);
        assertThat(browser.postJson(signInPage, "/login/webauthn", good).status()).isEqualTo(200);

        // The options were used up: the same assertion again, in another browser with fresh options, fails.
        TestBrowser attacker = browser();
        TestBrowser.Page attackerPage = attacker.get("/sign-in");
        options(attacker, attackerPage);
        assertRefused(attacker.postJson(attackerPage, "/login/webauthn", good));
        assertThat(attacker.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void anAssertionWithoutUserVerificationIsNotASecondFactorAndIsRefused() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-no-uv"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertThat(register(signedIn(account), authenticator, "Phone").status()).isEqualTo(200);

        authenticator.withoutUserVerification();
        TestBrowser browser = browser();
        TestBrowser.Page signInPage = browser.get("/sign-in");
        assertRefused(browser.postJson(signInPage, "/login/webauthn",
                authenticator.signIn(options(browser, signInPage), ORIGIN)));
    }

    @Test
    void registrationWithoutUserVerificationOrFromAnotherOriginIsRefused() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-bad-registration"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(account);

        TestBrowser.Page noUv = register(browser, new SoftwareAuthenticator().withoutUserVerification(), "Phone");
        assertThat(noUv.status()).isEqualTo(400);
        assertThat(JSON.readTree(noUv.body()).get("error").asString()).isEqualTo("not_registered");

        TestBrowser.Page page = browser.get("/account");
        String options = browser.postJson(page, "/webauthn/register/options", "").body();
        TestBrowser.Page foreign = browser.postJson(page, "/account/passkeys",
                new SoftwareAuthenticator().register(options, "https://evil.example", "Phone"));
        assertThat(foreign.status()).isEqualTo(400);

        TestBrowser.Page unnamed = register(browser, new SoftwareAuthenticator(), "  ");
        assertThat(JSON.readTree(unnamed.body()).get("error").asString()).isEqualTo("label_missing");
        assertThat(passkeys.findByAccount(account.id())).isEmpty();
    }

    @Test
    void aValidPasskeyOfASuspendedAccountDoesNotSignIn() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-suspended"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertThat(register(signedIn(account), authenticator, "Phone").status()).isEqualTo(200);
        accounts.updateStatus(account.id(), AccountStatus.SUSPENDED);

        TestBrowser browser = browser();
        TestBrowser.Page response = signIn(browser, browser.get("/sign-in"), authenticator);

        assertThat(response.status()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("suspended");
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void aPasskeyOfAnAccountMergedIntoAnotherDoesNotSignIn() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-merged"), PASSWORD, AccountStatus.ACTIVE);
        Account kept = existingAccount(uniqueEmail("passkey-kept"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertThat(register(signedIn(account), authenticator, "Phone").status()).isEqualTo(200);
        assertThat(accountMerges.merge(MergeRequest.of(account.id(), kept.id(), Initiator.of(
                Actor.operator("passkey-test"), AuditOrigin.NONE, "same person"))))
                .isInstanceOf(MergeOutcome.Merged.class);

        TestBrowser browser = browser();
        TestBrowser.Page response = signIn(browser, browser.get("/sign-in"), authenticator);

        assertThat(response.status()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("merged");
        assertThat(passkeys.findByAccount(account.id())).as("kept with the merged account, for an undo").hasSize(1);
    }

    @Test
    void theCitizenRenamesAndRemovesTheirPasskeyWithPlainFormsAndNobodyElseCan() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-manage"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        TestBrowser owner = signedIn(account);
        assertThat(register(owner, authenticator, "Phone").status()).isEqualTo(200);
        String id = authenticator.credentialId();

        Account other = existingAccount(uniqueEmail("passkey-stranger"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser stranger = signedIn(other);
        assertThat(stranger.get("/account/passkeys/" + id + "/name").status()).isEqualTo(404);
        TestBrowser.Page strangerPage = stranger.get("/account");
        assertThat(stranger.submit(strangerPage, "/account/passkeys/" + id + "/remove", Map.of()).status())
                .isEqualTo(404);
        assertThat(stranger.submit(strangerPage, "/account/passkeys/" + id + "/name", Map.of("name", "Mine"))
                .status()).isEqualTo(404);

        TestBrowser.Page namePage = owner.get("/account/passkeys/" + id + "/name");
        assertThat(namePage.body()).contains("value=\"Phone\"");
        TestBrowser.Page blank = owner.submit(namePage, "/account/passkeys/" + id + "/name", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("Enter a name for the passkey");
        TestBrowser.Page renamed = owner.submit(namePage, "/account/passkeys/" + id + "/name",
                Map.of("name", "Personal phone"));
        assertThat(renamed.location()).endsWith("/account");
        assertThat(owner.get("/account").body()).contains("Passkey renamed to ‘Personal phone’");

        // Removing changes how the owner signs in: a password session uses the passkey (its second factor) first.
        assertThat(owner.get("/account/passkeys/" + id + "/remove").location()).endsWith("/sign-in/second-factor");
        assertThat(signIn(owner, owner.get("/account"), authenticator).status()).isEqualTo(200);
        TestBrowser.Page removePage = owner.get("/account/passkeys/" + id + "/remove");
        assertThat(removePage.body()).contains("Personal phone");
        TestBrowser.Page removed = owner.submit(removePage, "/account/passkeys/" + id + "/remove", Map.of());
        assertThat(removed.location()).endsWith("/account");
        assertThat(owner.get("/account").body()).contains("Passkey ‘Personal phone’ removed")
                .contains("id=\"passkeys-none\"");
        assertThat(passkeys.findByCredentialId(id)).isEmpty();

        // A removed passkey no longer signs in.
        TestBrowser browser = browser();
        assertRefused(signIn(browser, browser.get("/sign-in"), authenticator));
    }

    private TestBrowser signedIn(Account account) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.signIn(account.email(), PASSWORD).location()).endsWith("/account");
        return browser;
    }

    /** What passkeys.js does on the account page: creation options, the authenticator, then the new passkey. */
    private static TestBrowser.Page register(TestBrowser browser, SoftwareAuthenticator authenticator, String label)
            throws Exception {
        TestBrowser.Page page = browser.get("/account");
        TestBrowser.Page options = browser.postJson(page, "/webauthn/register/options", "");
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        return browser.postJson(page, "/account/passkeys", authenticator.register(options.body(), ORIGIN, label));
    }

    /** What passkeys.js does on the sign-in page: request options, the authenticator, then the sign-in. */
    private static TestBrowser.Page signIn(TestBrowser browser, TestBrowser.Page page,
            SoftwareAuthenticator authenticator) throws Exception {
        return browser.postJson(page, "/login/webauthn", authenticator.signIn(options(browser, page), ORIGIN));
    }

    private static String options(TestBrowser browser, TestBrowser.Page page) throws Exception {
        TestBrowser.Page options = browser.postJson(page, "/webauthn/authenticate/options", "");
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        return options.body();
    }

    private static void assertRefused(TestBrowser.Page response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("invalid_credentials");
    }

    private static String authorize(String vtr) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT);
        parameters.put("redirect_uri", CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", vtr);
        return "/oauth2/authorize?" + form(parameters);
    }
}
