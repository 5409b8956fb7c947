package dev.signet.server.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.notify.EmailMessage;
import dev.signet.server.testing.Inbox;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignUpIT extends JourneyIntegrationTest {

    @Test
    void signUpWithTheEmailedCodeAndAPasswordCreatesAVerifiedAccountAndSignsIn() throws Exception {
        String email = uniqueEmail("new");
        TestBrowser browser = browser();

        TestBrowser.Page checkEmail = startSignUp(browser, email);
        assertThat(checkEmail.body()).contains("Check your email").contains(email)
                .contains("autocomplete=\"one-time-code\"").contains("inputmode=\"numeric\"")
                .contains("href=\"/sign-up/resend-code\"");
        EmailMessage sent = inbox().latestTo(email);
        assertThat(sent.body()).contains("If you did not ask to create an account");
        TestBrowser.Page afterCode = browser.submit(checkEmail, "/sign-up/check-email",
                Map.of("code", inbox().latestCodeTo(email)));
        assertThat(afterCode.location()).endsWith("/sign-up/password");
        TestBrowser.Page passwordPage = browser.follow(afterCode);
        assertThat(passwordPage.body()).contains("autocomplete=\"new-password\"");
        TestBrowser.Page afterPassword = browser.submit(passwordPage, "/sign-up/password",
                Map.of("password", "a long enough phrase", "confirmPassword", "a long enough phrase"));

        assertThat(afterPassword.location()).endsWith("/account");
        assertThat(browser.follow(afterPassword).body()).contains(email).contains("Sign out");
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.passwordHash()).get().asString().startsWith("$argon2id$");
        assertThat(browser.get("/sign-up/password").body()).contains("Your session has timed out");
    }

    @Test
    void signUpWithAnExistingEmailShowsTheSamePageAndEmailsSignInAdviceInsteadOfACode() throws Exception {
        String existing = uniqueEmail("exists");
        String fresh = uniqueEmail("fresh1");
        existingAccount(existing, "correct horse battery", AccountStatus.ACTIVE);

        TestBrowser.Page existingPage = startSignUp(browser(), existing);
        TestBrowser.Page freshPage = startSignUp(browser(), fresh);

        assertThat(existingPage.status()).isEqualTo(freshPage.status()).isEqualTo(200);
        assertThat(existingPage.bodyWithoutCsrfToken().replace(existing, "EMAIL"))
                .isEqualTo(freshPage.bodyWithoutCsrfToken().replace(fresh, "EMAIL"));
        EmailMessage advice = inbox().latestTo(existing);
        assertThat(advice.subject()).isEqualTo("You already have an account");
        assertThat(advice.body()).contains("Forgotten your password?").doesNotContainPattern("\\d{6}");
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeft() throws Exception {
        String email = uniqueEmail("wrongcode");
        TestBrowser browser = browser();
        TestBrowser.Page checkEmail = startSignUp(browser, email);
        String code = inbox().latestCodeTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        TestBrowser.Page response = browser.submit(checkEmail, "/sign-up/check-email", Map.of("code", wrong));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Error: Check your email")
                .contains("The code is not correct. You can try 4 more times").contains("href=\"#code\"");
    }

    @Test
    void aResentCodeReplacesTheFirst() throws Exception {
        String email = uniqueEmail("resend");
        TestBrowser browser = browser();
        startSignUp(browser, email);
        TestBrowser.Page resendPage = browser.get("/sign-up/resend-code");

        TestBrowser.Page checkEmail = browser.follow(browser.submit(resendPage, "/sign-up/resend-code", Map.of()));

        List<EmailMessage> both = inbox().awaitMessages(email, 2);
        String firstCode = Inbox.codeIn(both.get(0));
        String secondCode = Inbox.codeIn(both.get(1));
        if (!firstCode.equals(secondCode)) {
            assertThat(browser.submit(checkEmail, "/sign-up/check-email", Map.of("code", firstCode)).body())
                    .contains("The code is not correct");
        }
        TestBrowser.Page afterCode = browser.submit(checkEmail, "/sign-up/check-email", Map.of("code", secondCode));
        assertThat(afterCode.location()).endsWith("/sign-up/password");
    }

    @Test
    void aRefusedPasswordIsExplainedInPlainWords() throws Exception {
        String email = uniqueEmail("weak");
        TestBrowser browser = browser();
        TestBrowser.Page checkEmail = startSignUp(browser, email);
        TestBrowser.Page passwordPage = browser.follow(browser.submit(checkEmail, "/sign-up/check-email",
                Map.of("code", inbox().latestCodeTo(email))));

        TestBrowser.Page response = browser.submit(passwordPage, "/sign-up/password",
                Map.of("password", "short", "confirmPassword", "different"));

        assertThat(response.body()).contains("<title>Error: Create your password")
                .contains("Your password must be 8 characters or more")
                .contains("The passwords do not match").contains("href=\"#confirmPassword\"");
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void theCodeEmailIsInWelshWhenThePagesAre() throws Exception {
        String email = uniqueEmail("cymraeg");
        TestBrowser browser = browser();
        TestBrowser.Page page = browser.get("/sign-up?lang=cy");
        assertThat(page.body()).contains("lang=\"cy\"").contains("Creu cyfrif");

        TestBrowser.Page checkEmail = browser.follow(browser.submit(page, "/sign-up", Map.of("email", email)));

        assertThat(checkEmail.body()).contains("Gwiriwch eich e-bost");
        EmailMessage sent = inbox().latestTo(email);
        assertThat(sent.subject()).isEqualTo("Eich cod i greu cyfrif");
        assertThat(sent.body()).contains("Os na wnaethoch ofyn am gael creu cyfrif, gallwch anwybyddu'r e-bost hwn");
    }

    @Test
    void theCodePageWithoutAJourneySaysTheSessionTimedOut() throws Exception {
        TestBrowser.Page page = browser().get("/sign-up/check-email");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your session has timed out").contains("href=\"/sign-up\"");
    }

    private TestBrowser.Page startSignUp(TestBrowser browser, String email) throws Exception {
        TestBrowser.Page page = browser.get("/sign-up");
        TestBrowser.Page response = browser.submit(page, "/sign-up", Map.of("email", email));
        assertThat(response.location()).endsWith("/sign-up/check-email");
        return browser.follow(response);
    }
}
