package dev.signet.server.passkeys;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.testing.AuditEntries;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey is a strong factor like a second factor: it is the second step after a password (never "set up an app"),
 * it counts for the rule that keeps the last factor while a service requires Cl.Cm, and adding or removing one is
 * emailed to the owner and audited. Ceremonies by the software authenticator, over HTTP.
 */
class PasskeyAsSecondFactorIT extends JourneyIntegrationTest {

    /** The origin of the test server's pages as a browser would report it: the issuer's. */
    private static final String ORIGIN = "http://localhost:8080";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple " + UUID.randomUUID();
    private static final String STRICT_CLIENT = "test-requires-clcm";
    private static final String STRICT_CALLBACK = "https://requires-clcm.test.example/callback";

    @Autowired
    PasskeyRepository passkeys;
    @Autowired
    AuditLog auditLog;

    @Test
    void aCitizenWithOnlyAPasskeyWhoGivesTheirPasswordForAClCmServiceUsesThePasskeyAsTheSecondStep()
            throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-second-step"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        assertThat(register(signedIn(account), authenticator, "Phone").status()).isEqualTo(200);

        TestBrowser browser = browser();
        assertThat(browser.get(authorize(SecretClient.ID, SecretClient.CALLBACK)).location()).endsWith("/sign-in");
        TestBrowser.Page afterPassword = browser.signIn(account.email(), PASSWORD);
        TestBrowser.Page toSecondStep = browser.get(afterPassword.location());
        assertThat(toSecondStep.location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page secondStep = browser.follow(toSecondStep);

        assertThat(secondStep.status()).isEqualTo(200);
        assertThat(secondStep.body()).contains("id=\"passkey-sign-in-section\"").contains("Use your passkey")
                .contains("id=\"passkey-second-step-needs-javascript\"")
                .doesNotContain("Choose how to get security codes");
        // Not offered to set up something else: a password alone never adds a factor to an account that has one.
        assertThat(browser.get("/sign-in/second-factor/set-up").location()).endsWith("/sign-in/second-factor");

        TestBrowser.Page signedIn = browser.postJson(secondStep, "/login/webauthn",
                authenticator.signIn(options(browser, secondStep), ORIGIN));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String next = JSON.readTree(signedIn.body()).get("redirectUrl").asString();
        assertThat(next).contains("/oauth2/authorize");
        assertThat(idToken(exchange(baseUrl(), code(browser.get(next)))).getStringClaim("vot")).isEqualTo("Cl.Cm");
    }

    @Test
    void theLastPasskeyIsKeptWhileAServiceRequiringClCmIsInUseAndChangesAreEmailedAndAudited() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-last"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator phone = new SoftwareAuthenticator();
        TestBrowser browser = signedIn(account);
        assertThat(register(browser, phone, "Phone").status()).isEqualTo(200);
        String id = phone.credentialId();
        assertThat(inbox().latestWithSubject(account.email(), "A passkey was added to your account").body()).contains("Phone");
        assertThat(AuditEntries.await(auditLog, account.id(), AuditEventType.PASSKEY_ADDED).event().details())
                .containsEntry("credential_id", id);

        // A password session steps up with the passkey, then comes back to the removal page.
        TestBrowser.Page toStepUp = browser.get("/account/passkeys/" + id + "/remove");
        assertThat(toStepUp.location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page stepUp = browser.follow(toStepUp);
        TestBrowser.Page steppedUp = browser.postJson(stepUp, "/login/webauthn",
                phone.signIn(options(browser, stepUp), ORIGIN));
        String back = JSON.readTree(steppedUp.body()).get("redirectUrl").asString();
        assertThat(back).contains("/account/passkeys/" + id + "/remove");

        // The citizen uses a service that requires Cl.Cm: their only passkey stays.
        assertThat(browser.get(authorize(STRICT_CLIENT, STRICT_CALLBACK)).location()).startsWith(STRICT_CALLBACK);
        TestBrowser.Page removePage = browser.get(back);
        TestBrowser.Page refused = browser.submit(removePage, "/account/passkeys/" + id + "/remove", Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("You cannot remove this passkey").contains("Test service that requires Cl.Cm");
        assertThat(passkeys.findByCredentialId(id)).isPresent();

        // With another passkey, the first may go.
        assertThat(register(browser, new SoftwareAuthenticator(), "Security key").status()).isEqualTo(200);
        TestBrowser.Page removed = browser.submit(browser.get("/account/passkeys/" + id + "/remove"),
                "/account/passkeys/" + id + "/remove", Map.of());
        assertThat(removed.location()).endsWith("/account");
        assertThat(passkeys.findByCredentialId(id)).isEmpty();
        assertThat(inbox().latestWithSubject(account.email(), "A passkey was removed from your account").body())
                .contains("Phone");
        assertThat(AuditEntries.await(auditLog, account.id(), AuditEventType.PASSKEY_REMOVED).event().details())
                .containsEntry("credential_id", id);
    }

    @Test
    void aPasswordAloneCannotAddAPasskeyToAnAccountThatHasAStrongFactor() throws Exception {
        Account account = existingAccount(uniqueEmail("passkey-no-takeover"), PASSWORD, AccountStatus.ACTIVE);
        SoftwareAuthenticator owners = new SoftwareAuthenticator();
        assertThat(register(signedIn(account), owners, "Owner's phone").status()).isEqualTo(200);

        // Someone who knows only the password signs in directly, to the account page.
        TestBrowser intruder = signedIn(account);
        TestBrowser.Page accountPage = intruder.get("/account");
        assertThat(accountPage.body()).contains("id=\"passkey-add-confirm\"").doesNotContain("id=\"passkey-add-section\"");
        assertThat(intruder.get("/account/passkeys/add").location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page options = intruder.postJson(accountPage, "/webauthn/register/options", "");
        TestBrowser.Page refused = intruder.postJson(accountPage, "/account/passkeys",
                new SoftwareAuthenticator().register(options.body(), ORIGIN, "Intruder's key"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("confirm_it_is_you");
        assertThat(JSON.readTree(refused.body()).get("redirectUrl").asString()).isEqualTo("/sign-in/second-factor");
        assertThat(passkeys.findByAccount(account.id())).hasSize(1);
    }

    // ---- helpers ----

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

    private static String options(TestBrowser browser, TestBrowser.Page page) throws Exception {
        TestBrowser.Page options = browser.postJson(page, "/webauthn/authenticate/options", "");
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        return options.body();
    }

    private static String authorize(String clientId, String callback) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", callback);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        return "/oauth2/authorize?" + form(parameters);
    }
}
