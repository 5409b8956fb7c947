package dev.signet.server.mfa;

import static dev.signet.server.testing.SecretClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.SmsSender;
import dev.signet.server.testing.AuditEntries;
import dev.signet.server.testing.Inbox;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecondFactorPages;
import dev.signet.server.testing.TestBrowser;
import dev.signet.server.testing.Texts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Your account" → second factors over HTTP, as a citizen without JavaScript uses them: add an app, a phone or email
 * codes (stepping up to Cl.Cm first when the account already has a factor), remove one (never the last while a
 * service requiring Cl.Cm is in use), get new recovery codes; each change emailed and audited.
 */
class AccountSecondFactorsIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern SECRET_KEY = Pattern.compile("id=\"secret-key\">([A-Z2-7 ]+)<");
    private static final String STRICT_CLIENT = "test-requires-clcm";
    private static final String STRICT_CALLBACK = "https://requires-clcm.test.example/callback";

    @Autowired
    SecondFactorRepository factors;
    @Autowired
    SecondFactors secondFactors;
    @Autowired
    SmsSender smsSender;
    @Autowired
    AuditLog auditLog;

    @Test
    void aCitizenAddsAnAuthenticatorAppFromTheirAccountAndIsToldAboutIt() throws Exception {
        String email = uniqueEmail("account-app");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = signedIn(email);
        assertThat(browser.get("/account").body()).contains("id=\"second-factors-none\"")
                .contains("href=\"/account/second-factors/add\"");

        TestBrowser.Page choose = browser.get("/account/second-factors/add");
        assertThat(choose.status()).isEqualTo(200);
        assertThat(choose.body()).contains("Choose another way to get security codes")
                .contains("value=\"AUTHENTICATOR_APP\"").contains("action=\"/account/second-factors/add\"");
        TestBrowser.Page appPage = browser.follow(browser.submit(choose, "/account/second-factors/add",
                Map.of("method", "AUTHENTICATOR_APP")));
        assertThat(appPage.body()).contains("Set up your authenticator app")
                .contains("action=\"/account/second-factors/add/app\"");
        byte[] secret = Base32.decode(secretKey(appPage.body()));

        TestBrowser.Page wrong = browser.submit(appPage, "/account/second-factors/add/app",
                Map.of("code", SecondFactorPages.wrongCode(secret)));
        assertThat(wrong.body()).contains("The code is not correct");
        assertThat(factors.findByAccount(accountId)).isEmpty();

        TestBrowser.Page codes = browser.submit(wrong, "/account/second-factors/add/app",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()) - 1)));
        assertThat(codes.status()).isEqualTo(200);
        assertThat(SecondFactorPages.recoveryCodes(codes.body())).hasSize(10);
        assertThat(codes.body()).contains("href=\"/account\"");
        assertThat(factors.findByAccount(accountId)).extracting(SecondFactor::method)
                .containsExactly(SecondFactorMethod.AUTHENTICATOR_APP);

        EmailMessage told = inbox().latestWithSubject(email, "A new way to get security codes was added to your account");
        assertThat(told.body()).contains("Authenticator app").doesNotContain(secretKey(appPage.body()));
        AuditEntry added = AuditEntries.await(auditLog, accountId, AuditEventType.SECOND_FACTOR_ADDED);
        assertThat(added.event().details()).containsEntry("method", "authenticator_app");
    }

    @Test
    void withAFactorAlreadyAPasswordSessionStepsUpBeforeAddingEmailCodesAndTheListShowsNoSecrets()
            throws Exception {
        String email = uniqueEmail("account-stepup");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        byte[] secret = addApp(signedIn(email));
        TestBrowser browser = signedIn(email);

        // Signed in with the password only: the second factor first, then back to the page.
        TestBrowser.Page stepUp = browser.get("/account/second-factors/add");
        assertThat(stepUp.location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page codePage = browser.follow(browser.follow(stepUp));
        assertThat(codePage.body()).contains("Enter the code from your authenticator app");
        TestBrowser.Page back = browser.submit(codePage, "/sign-in/second-factor/code",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()) + 1)));
        assertThat(back.location()).contains("/account/second-factors/add");

        TestBrowser.Page choose = browser.follow(back);
        assertThat(choose.body()).doesNotContain("value=\"AUTHENTICATOR_APP\"").contains("value=\"EMAIL\"");
        TestBrowser.Page check = browser.follow(browser.submit(choose, "/account/second-factors/add",
                Map.of("method", "EMAIL")));
        assertThat(check.body()).contains("Check your email").contains(email);
        String code = Inbox.codeIn(inbox().latestWithSubject(email, "Your security code to sign in"));
        TestBrowser.Page done = browser.submit(check, "/account/second-factors/add/code", Map.of("code", code));
        // Recovery codes exist already: none shown, back to the account page with a banner.
        assertThat(done.location()).endsWith("/account");
        TestBrowser.Page account = browser.follow(done);
        assertThat(account.body()).contains("Security codes by email have been turned on")
                .contains("data-method=\"AUTHENTICATOR_APP\"").contains("data-method=\"EMAIL\"")
                .contains("You have 10 recovery codes left");
        assertThat(factors.findByAccount(accountId)).hasSize(2);
        assertThat(AuditEntries.await(auditLog, accountId, AuditEventType.SECOND_FACTOR_ADDED).event().details())
                .containsEntry("method", "email");
    }

    @Test
    void aPhoneNumberIsAddedWithACodeAndListedByItsLastDigitsOnly() throws Exception {
        String email = uniqueEmail("account-phone");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        String digits = String.format("%06d", (int) (Math.random() * 1_000_000));
        String e164 = "+447700" + digits;
        TestBrowser browser = signedIn(email);

        TestBrowser.Page phonePage = browser.follow(browser.submit(browser.get("/account/second-factors/add"),
                "/account/second-factors/add", Map.of("method", "TEXT_MESSAGE")));
        assertThat(phonePage.body()).contains("action=\"/account/second-factors/add/phone\"");
        TestBrowser.Page check = browser.follow(browser.submit(phonePage, "/account/second-factors/add/phone",
                Map.of("phoneNumber", "07700" + digits)));
        assertThat(check.body()).contains("Check your phone");
        TestBrowser.Page codes = browser.submit(check, "/account/second-factors/add/code",
                Map.of("code", new Texts(smsSender).latestCodeTo(e164)));
        assertThat(SecondFactorPages.recoveryCodes(codes.body())).hasSize(10);

        String account = browser.get("/account").body();
        assertThat(account).contains("Phone number ending in " + digits.substring(3)).doesNotContain(digits)
                .doesNotContain(e164);
    }

    @Test
    void theLastFactorIsKeptWhileAServiceRequiringClCmIsInUseAndThePageSaysWhy() throws Exception {
        String email = uniqueEmail("account-last");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = signedIn(email);
        addApp(browser);
        // The citizen signs in to the service that requires Cl.Cm (the session is Cl.Cm after setting up the app).
        TestBrowser.Page toService = browser.get(authorizeStrict());
        assertThat(toService.location()).startsWith(STRICT_CALLBACK + "?").contains("code=");

        TestBrowser.Page removePage = browser.get("/account/second-factors/authenticator-app/remove");
        assertThat(removePage.body()).contains("Are you sure you want to stop using your authenticator app?");
        TestBrowser.Page refused = browser.submit(removePage, "/account/second-factors/authenticator-app/remove",
                Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("You cannot remove this yet").contains("Test service that requires Cl.Cm")
                .contains("Add another passkey or another way to get security codes first");
        assertThat(factors.findByAccount(accountId)).hasSize(1);

        // With a second factor added, the first may go; the owner is told, the audit log has it.
        TestBrowser.Page check = browser.follow(browser.submit(browser.get("/account/second-factors/add"),
                "/account/second-factors/add", Map.of("method", "EMAIL")));
        TestBrowser.Page emailAdded = browser.submit(check, "/account/second-factors/add/code",
                Map.of("code", Inbox.codeIn(inbox().latestWithSubject(email, "Your security code to sign in"))));
        assertThat(browser.follow(emailAdded).body()).contains("Security codes by email have been turned on");
        TestBrowser.Page removed = browser.submit(browser.get("/account/second-factors/authenticator-app/remove"),
                "/account/second-factors/authenticator-app/remove", Map.of());
        assertThat(removed.location()).endsWith("/account");
        assertThat(browser.follow(removed).body()).contains("Your authenticator app has been removed");
        assertThat(factors.findByAccount(accountId)).extracting(SecondFactor::method)
                .containsExactly(SecondFactorMethod.EMAIL);
        assertThat(inbox().latestWithSubject(email, "A way to get security codes was removed from your account").body())
                .contains("Authenticator app");
        assertThat(AuditEntries.await(auditLog, accountId, AuditEventType.SECOND_FACTOR_REMOVED).event().details())
                .containsEntry("method", "authenticator_app");

        // Recovery codes do not count: email codes are now the last factor, and stay.
        TestBrowser.Page last = browser.submit(browser.get("/account/second-factors/email/remove"),
                "/account/second-factors/email/remove", Map.of());
        assertThat(last.body()).contains("You cannot remove this yet");
    }

    @Test
    void theLastFactorMayGoWhenNoServiceTheCitizenUsedRequiresClCm() throws Exception {
        String email = uniqueEmail("account-free");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = signedIn(email);
        addApp(browser);

        TestBrowser.Page removed = browser.submit(browser.get("/account/second-factors/authenticator-app/remove"),
                "/account/second-factors/authenticator-app/remove", Map.of());

        assertThat(removed.location()).endsWith("/account");
        assertThat(factors.findByAccount(accountId)).isEmpty();
        assertThat(browser.get("/account/second-factors/authenticator-app/remove").status()).isEqualTo(404);
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() throws Exception {
        String email = uniqueEmail("account-codes");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = signedIn(email);
        TestBrowser.Page firstCodes = addAppPage(browser).codes();
        List<String> old = SecondFactorPages.recoveryCodes(firstCodes.body());
        assertThat(secondFactors.useRecoveryCode(accountId, old.get(0))).isTrue();

        TestBrowser.Page page = browser.get("/account/second-factors/recovery-codes");
        assertThat(page.body()).contains("You have 9 recovery codes left").contains("will stop working");
        TestBrowser.Page fresh = browser.submit(page, "/account/second-factors/recovery-codes", Map.of());

        List<String> replaced = SecondFactorPages.recoveryCodes(fresh.body());
        assertThat(replaced).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(secondFactors.useRecoveryCode(accountId, old.get(1))).isFalse();
        assertThat(secondFactors.recoveryCodesLeft(accountId)).isEqualTo(10);
        assertThat(inbox().latestWithSubject(email, "You have new recovery codes").body()).doesNotContain(replaced.get(0));
        AuditEntries.await(auditLog, accountId, AuditEventType.RECOVERY_CODES_REPLACED);
    }

    @Test
    void thePagesNeedASignedInCitizenAndSpeakWelsh() throws Exception {
        assertThat(browser().get("/account/second-factors/add").location()).endsWith("/sign-in");
        assertThat(browser().get("/account/confirm-it-is-you").location()).endsWith("/sign-in");

        String email = uniqueEmail("account-factors-cy");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(email);
        assertThat(browser.get("/account?lang=cy").body()).contains("Codau diogelwch")
                .contains("Ychwanegu ffordd o gael codau diogelwch");
        assertThat(browser.get("/account/second-factors/add?lang=cy").body()).contains("Ap dilysu");
        assertThat(browser.get("/account/confirm-it-is-you?lang=cy").body()).contains("Cadarnhewch mai chi sydd yno");
    }

    @Test
    void confirmingItIsYouChecksThePasswordAndReturnsToTheAccount() throws Exception {
        String email = uniqueEmail("account-confirm");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(email);

        TestBrowser.Page page = browser.get("/account/confirm-it-is-you");
        assertThat(page.body()).contains("Confirm it is you").contains("autocomplete=\"current-password\"");
        TestBrowser.Page wrong = browser.submit(page, "/account/confirm-it-is-you", Map.of("currentPassword", "no"));
        assertThat(wrong.body()).contains("The password is not correct");
        TestBrowser.Page right = browser.submit(wrong, "/account/confirm-it-is-you",
                Map.of("currentPassword", PASSWORD));
        assertThat(right.location()).endsWith("/account");
    }

    // ---- helpers ----

    private TestBrowser signedIn(String email) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        return browser;
    }

    private record AddedApp(byte[] secret, TestBrowser.Page codes) {
    }

    /** Adds an app from the account page (a code from the step before, so the tests' own codes stay usable). */
    private AddedApp addAppPage(TestBrowser browser) throws Exception {
        TestBrowser.Page appPage = browser.follow(browser.submit(browser.get("/account/second-factors/add"),
                "/account/second-factors/add", Map.of("method", "AUTHENTICATOR_APP")));
        byte[] secret = Base32.decode(secretKey(appPage.body()));
        TestBrowser.Page codes = browser.submit(appPage, "/account/second-factors/add/app",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()) - 1)));
        assertThat(SecondFactorPages.recoveryCodes(codes.body())).hasSize(10);
        return new AddedApp(secret, codes);
    }

    private byte[] addApp(TestBrowser browser) throws Exception {
        return addAppPage(browser).secret();
    }

    private static String authorizeStrict() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", STRICT_CLIENT);
        parameters.put("redirect_uri", STRICT_CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        return "/oauth2/authorize?" + form(parameters);
    }

    private static String secretKey(String body) {
        Matcher matcher = SECRET_KEY.matcher(body);
        assertThat(matcher.find()).as("secret key on the page").isTrue();
        return matcher.group(1);
    }
}
