package dev.signet.server.mfa;

import static dev.signet.server.testing.SecretClient.callbackQuery;
import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.core.notify.SmsSender;
import dev.signet.server.testing.Inbox;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecondFactorPages;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import dev.signet.server.testing.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Second factors over HTTP, as a citizen without JavaScript meets them: a service asks for {@code Cl.Cm} (the default),
 * the citizen gives their password, then sets up or uses a second factor; the ID token's {@code vot} says what was used.
 */
class SecondFactorSignInIT extends JourneyIntegrationTest {

    private static final String CLIENT = SecretClient.ID;
    private static final String CALLBACK = SecretClient.CALLBACK;
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern SECRET_KEY = Pattern.compile("id=\"secret-key\">([A-Z2-7 ]+)<");
    private static final Pattern CONTINUE = Pattern.compile("role=\"button\" draggable=\"false\" href=\"([^\"]+)\"");

    @Autowired
    SecondFactorRepository factors;
    @Autowired
    SmsSender smsSender;

    @Test
    void aCitizenWithoutASecondFactorSetsUpAnAuthenticatorAppDuringSignInThenSignsInWithIt() throws Exception {
        String email = uniqueEmail("app");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = browser();

        // The service asks without vtr, so for Cl.Cm; after the password the citizen is asked to set up a factor.
        TestBrowser.Page toSecondFactor = passwordThenBackToTheService(browser, email, Map.of());
        assertThat(toSecondFactor.location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page setUp = browser.follow(toSecondFactor);
        assertThat(setUp.body()).contains("Choose how to get security codes").contains("An authenticator app")
                .contains("Text message").contains("value=\"EMAIL\"");

        TestBrowser.Page appPage = browser.follow(browser.submit(setUp, "/sign-in/second-factor/set-up",
                Map.of("method", "AUTHENTICATOR_APP")));
        assertThat(appPage.body()).contains("Set up your authenticator app").contains("data:image/svg+xml;base64,");
        String qrSvg = qrCodeSvg(appPage.body());
        assertThat(qrSvg).startsWith("<svg").contains("<path");
        byte[] secret = Base32.decode(secretKey(appPage.body()));
        assertThat(secret).hasSize(20);

        // A wrong code first: a plain message, nothing added.
        TestBrowser.Page wrong = browser.submit(appPage, "/sign-in/second-factor/set-up/app",
                Map.of("code", SecondFactorPages.wrongCode(secret)));
        assertThat(wrong.body()).contains("Error: Set up your authenticator app").contains("The code is not correct");
        assertThat(factors.findByAccount(accountId)).isEmpty();

        long usedStep = Totp.step(Instant.now());
        TestBrowser.Page codes = browser.submit(wrong, "/sign-in/second-factor/set-up/app",
                Map.of("code", Totp.code(secret, usedStep)));
        assertThat(codes.status()).isEqualTo(200);
        List<String> recoveryCodes = SecondFactorPages.recoveryCodes(codes.body());
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        SecondFactor stored = factors.findByAccount(accountId).get(0);
        assertThat(stored.method()).isEqualTo(SecondFactorMethod.AUTHENTICATOR_APP);
        assertThat(new String(stored.sealedTotpSecret().orElseThrow(), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));

        JWTClaimsSet idToken = idToken(exchange(baseUrl(), code(browser.get(continueUrl(codes.body())))));
        assertThat(idToken.getStringClaim("vot")).isEqualTo("Cl.Cm");

        // Next sign-in, in another browser: the password, then the app's code only.
        TestBrowser other = browser();
        TestBrowser.Page codePage = other.follow(passwordThenBackToTheService(other, email, Map.of()));
        assertThat(codePage.body()).contains("Enter the code from your authenticator app")
                .doesNotContain("Choose how to get security codes");
        // The code already used is refused, even within its time window.
        TestBrowser.Page replayed = other.submit(codePage, "/sign-in/second-factor/code",
                Map.of("code", Totp.code(secret, usedStep)));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).contains("The code is not correct");
        TestBrowser.Page back = other.submit(replayed, "/sign-in/second-factor/code",
                Map.of("code", Totp.code(secret, usedStep + 1)));
        assertThat(back.location()).contains("/oauth2/authorize");
        assertThat(idToken(exchange(baseUrl(), code(other.get(back.location())))).getStringClaim("vot")).isEqualTo("Cl.Cm");
    }

    @Test
    void textMessagesAsTheSecondFactorFromSetUpToSignIn() throws Exception {
        String email = uniqueEmail("text");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        String typedNumber = "07700 9" + String.format("%05d", (int) (Math.random() * 100_000));
        String e164 = "+44" + typedNumber.replace(" ", "").substring(1);
        Texts texts = new Texts(smsSender);
        TestBrowser browser = browser();

        TestBrowser.Page setUp = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));
        TestBrowser.Page phonePage = browser.follow(browser.submit(setUp, "/sign-in/second-factor/set-up",
                Map.of("method", "TEXT_MESSAGE")));
        TestBrowser.Page badNumber = browser.submit(phonePage, "/sign-in/second-factor/set-up/phone",
                Map.of("phoneNumber", "12"));
        assertThat(badNumber.body()).contains("Enter a mobile phone number in the correct format");
        TestBrowser.Page check = browser.follow(browser.submit(badNumber, "/sign-in/second-factor/set-up/phone",
                Map.of("phoneNumber", typedNumber)));
        assertThat(check.body()).contains("Check your phone").contains("ending in " + e164.substring(e164.length() - 3));

        TestBrowser.Page codes = browser.submit(check, "/sign-in/second-factor/set-up/code",
                Map.of("code", texts.latestCodeTo(e164)));
        assertThat(SecondFactorPages.recoveryCodes(codes.body())).hasSize(10);
        assertThat(factors.findByAccount(accountId)).singleElement()
                .satisfies(factor -> assertThat(factor.phoneNumber()).contains(e164));
        assertThat(idToken(exchange(baseUrl(), code(browser.get(continueUrl(codes.body()))))).getStringClaim("vot"))
                .isEqualTo("Cl.Cm");

        // Signing in again: choose (the only way), a new code by text, a wrong one, then the right one.
        TestBrowser other = browser();
        TestBrowser.Page choose = other.follow(passwordThenBackToTheService(other, email, Map.of()));
        assertThat(choose.body()).contains("Get a security code by text message").contains("Use a recovery code");
        int textsBefore = texts.to(e164).size();
        TestBrowser.Page codePage = other.follow(other.submit(choose, "/sign-in/second-factor",
                Map.of("method", "TEXT_MESSAGE")));
        assertThat(texts.to(e164)).hasSize(textsBefore + 1);
        String sent = texts.latestCodeTo(e164);
        TestBrowser.Page wrong = other.submit(codePage, "/sign-in/second-factor/code",
                Map.of("code", sent.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.body()).contains("The code is not correct. You can try 4 more times");
        TestBrowser.Page back = other.submit(wrong, "/sign-in/second-factor/code", Map.of("code", sent));
        assertThat(back.location()).contains("/oauth2/authorize");
        assertThat(idToken(exchange(baseUrl(), code(other.get(back.location())))).getStringClaim("vot")).isEqualTo("Cl.Cm");
    }

    @Test
    void emailCodesAsTheSecondFactor() throws Exception {
        String email = uniqueEmail("emailcode");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Inbox inbox = inbox();
        TestBrowser browser = browser();

        TestBrowser.Page setUp = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));
        TestBrowser.Page check = browser.follow(browser.submit(setUp, "/sign-in/second-factor/set-up",
                Map.of("method", "EMAIL")));
        assertThat(check.body()).contains("Check your email").contains(email);
        String code = Inbox.codeIn(inbox.latestTo(email, 1));
        assertThat(inbox.latestTo(email, 1).subject()).isEqualTo("Your security code to sign in");
        TestBrowser.Page codes = browser.submit(check, "/sign-in/second-factor/set-up/code", Map.of("code", code));
        assertThat(idToken(exchange(baseUrl(), code(browser.get(continueUrl(codes.body()))))).getStringClaim("vot"))
                .isEqualTo("Cl.Cm");

        TestBrowser other = browser();
        TestBrowser.Page choose = other.follow(passwordThenBackToTheService(other, email, Map.of()));
        TestBrowser.Page codePage = other.follow(other.submit(choose, "/sign-in/second-factor",
                Map.of("method", "EMAIL")));
        assertThat(codePage.body()).contains("Check your email");
        TestBrowser.Page back = other.submit(codePage, "/sign-in/second-factor/code",
                Map.of("code", Inbox.codeIn(inbox.latestTo(email, 2))));
        assertThat(idToken(exchange(baseUrl(), code(other.get(back.location())))).getStringClaim("vot")).isEqualTo("Cl.Cm");
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() throws Exception {
        String email = uniqueEmail("recovery");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        List<String> recoveryCodes = setUpApp(email).recoveryCodes();

        TestBrowser browser = browser();
        TestBrowser.Page codePage = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));
        TestBrowser.Page recoveryPage = browser.get("/sign-in/second-factor/recovery-code");
        assertThat(recoveryPage.body()).contains("Enter a recovery code");
        TestBrowser.Page back = browser.submit(recoveryPage, "/sign-in/second-factor/recovery-code",
                Map.of("recoveryCode", recoveryCodes.get(3).toUpperCase().replace("-", " ")));
        assertThat(back.location()).contains("/oauth2/authorize");
        assertThat(idToken(exchange(baseUrl(), code(browser.get(back.location())))).getStringClaim("vot")).isEqualTo("Cl.Cm");
        assertThat(codePage.body()).contains("Use a recovery code instead");

        TestBrowser again = browser();
        again.follow(passwordThenBackToTheService(again, email, Map.of()));
        TestBrowser.Page page = again.get("/sign-in/second-factor/recovery-code");
        TestBrowser.Page refused = again.submit(page, "/sign-in/second-factor/recovery-code",
                Map.of("recoveryCode", recoveryCodes.get(3)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("has already been used");
    }

    @Test
    void stepUpAsksAPasswordSessionForTheSecondFactorOnly() throws Exception {
        String email = uniqueEmail("stepup");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        AppSetUp app = setUpApp(email);
        TestBrowser browser = browser();

        // A service that accepts a password alone: no second factor asked, vot Cl.
        TestBrowser.Page clBack = passwordThenBackToTheService(browser, email, Map.of("vtr", "[\"Cl\"]"));
        assertThat(idToken(exchange(baseUrl(), code(clBack))).getStringClaim("vot")).isEqualTo("Cl");

        // prompt=none cannot show the second-factor page: the standard error, no page.
        TestBrowser.Page promptNone = browser.get(authorize(Map.of("prompt", "none")));
        assertThat(callbackQuery(promptNone.location())).containsEntry("error", "login_required");

        // A service that needs Cl.Cm: the second-factor page, not the password again.
        TestBrowser.Page stepUp = browser.get(authorize(Map.of()));
        assertThat(stepUp.location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page codePage = browser.follow(stepUp);
        assertThat(codePage.body()).contains("Enter the code from your authenticator app")
                .doesNotContain("Enter your password");
        TestBrowser.Page back = browser.submit(codePage, "/sign-in/second-factor/code",
                Map.of("code", Totp.code(app.secret(), Totp.step(Instant.now()) + 1)));
        JWTClaimsSet stepped = idToken(exchange(baseUrl(), code(browser.get(back.location()))));
        assertThat(stepped.getStringClaim("vot")).isEqualTo("Cl.Cm");

        // Now signed in at Cl.Cm: the next Cl.Cm request (prompt=none too) gets its code without a page.
        assertThat(code(browser.get(authorize(Map.of("prompt", "none"))))).isNotBlank();
    }

    @Test
    void aCitizenWhoHasASecondFactorCannotSetUpAnotherDuringSignIn() throws Exception {
        String email = uniqueEmail("nosetup");
        UUID accountId = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        setUpApp(email);
        TestBrowser browser = browser();
        TestBrowser.Page codePage = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));

        assertThat(browser.get("/sign-in/second-factor/set-up").location()).endsWith("/sign-in/second-factor");
        TestBrowser.Page post = browser.submit(codePage, "/sign-in/second-factor/set-up",
                Map.of("method", "EMAIL"));
        assertThat(post.location()).endsWith("/sign-in/second-factor");
        assertThat(factors.findByAccount(accountId)).extracting(SecondFactor::method)
                .containsExactly(SecondFactorMethod.AUTHENTICATOR_APP);
    }

    @Test
    void tooManyWrongCodesEndTheSignIn() throws Exception {
        String email = uniqueEmail("toomany");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        AppSetUp app = setUpApp(email);
        TestBrowser browser = browser();
        TestBrowser.Page page = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));

        for (int attempt = 1; attempt < 5; attempt++) {
            page = browser.submit(page, "/sign-in/second-factor/code", Map.of("code", SecondFactorPages.wrongCode(app.secret())));
            assertThat(page.body()).contains("The code is not correct");
        }
        TestBrowser.Page last = browser.submit(page, "/sign-in/second-factor/code",
                Map.of("code", SecondFactorPages.wrongCode(app.secret())));

        assertThat(last.body()).contains("You entered the wrong code too many times").contains("href=\"/sign-in\"");
        // The password sign-in went with it: the second-factor page now sends the browser to sign in.
        assertThat(browser.get("/sign-in/second-factor").location()).endsWith("/sign-in");
    }

    @Test
    void secondFactorPagesAreInWelsh() throws Exception {
        String email = uniqueEmail("cymraeg");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser().acceptLanguage("cy");

        TestBrowser.Page setUp = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));

        assertThat(setUp.body()).contains("lang=\"cy\"").contains("Dewiswch sut i gael codau diogelwch")
                .contains("Ap dilysu");
    }

    // ---- helpers ----

    private record AppSetUp(byte[] secret, List<String> recoveryCodes) {
    }

    /** Signs in for a Cl.Cm service, sets up an app, and signs out of that browser. */
    private AppSetUp setUpApp(String email) throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page setUp = browser.follow(passwordThenBackToTheService(browser, email, Map.of()));
        TestBrowser.Page appPage = browser.follow(browser.submit(setUp, "/sign-in/second-factor/set-up",
                Map.of("method", "AUTHENTICATOR_APP")));
        byte[] secret = Base32.decode(secretKey(appPage.body()));
        // An earlier step, so the tests' own codes (this step and the next) stay usable.
        TestBrowser.Page codes = browser.submit(appPage, "/sign-in/second-factor/set-up/app",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()) - 1)));
        return new AppSetUp(secret, SecondFactorPages.recoveryCodes(codes.body()));
    }

    /** Starts at the service, gives email and password, and follows the browser back to the authorization endpoint. */
    private TestBrowser.Page passwordThenBackToTheService(TestBrowser browser, String email,
            Map<String, String> extra) throws Exception {
        TestBrowser.Page start = browser.get(authorize(extra));
        assertThat(start.location()).endsWith("/sign-in");
        TestBrowser.Page afterPassword = browser.signIn(email, PASSWORD);
        assertThat(afterPassword.location()).contains("/oauth2/authorize");
        return browser.get(afterPassword.location());
    }

    private static String authorize(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT);
        parameters.put("redirect_uri", CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.putAll(extra);
        return "/oauth2/authorize?" + form(parameters);
    }

    private static String secretKey(String body) {
        Matcher matcher = SECRET_KEY.matcher(body);
        assertThat(matcher.find()).as("secret key on the page").isTrue();
        return matcher.group(1);
    }

    private static String qrCodeSvg(String body) {
        Matcher matcher = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(body);
        assertThat(matcher.find()).as("QR code image").isTrue();
        return new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
    }

    private static String continueUrl(String body) {
        Matcher matcher = CONTINUE.matcher(body);
        assertThat(matcher.find()).as("continue link on:\n" + body).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
