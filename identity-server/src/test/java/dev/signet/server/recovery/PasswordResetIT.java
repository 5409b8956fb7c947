package dev.signet.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordResetIT extends JourneyIntegrationTest {

    @Test
    void resetWithTheEmailedCodeChangesThePasswordAndTheNewOneSignsIn() throws Exception {
        String email = uniqueEmail("reset");
        existingAccount(email, "the old password", AccountStatus.ACTIVE);
        TestBrowser browser = browser();

        TestBrowser.Page checkEmail = startReset(browser, email);
        assertThat(inbox().latestTo(email).body()).contains("If you did not ask to reset your password");
        TestBrowser.Page newPasswordPage = browser.follow(browser.submit(checkEmail, "/reset-password/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        assertThat(newPasswordPage.body()).contains("Choose a new password");
        TestBrowser.Page afterPassword = browser.submit(newPasswordPage, "/reset-password/new-password",
                Map.of("password", "the new password", "confirmPassword", "the new password"));
        TestBrowser.Page done = browser.follow(afterPassword);

        assertThat(done.body()).contains("Your password has been changed").contains("href=\"/sign-in\"");
        assertThat(inbox().latestTo(email, 2).subject()).isEqualTo("Your password has been changed");
        assertThat(signIn(browser(), email, "the new password").location()).endsWith("/account");
        assertThat(signIn(browser(), email, "the old password").body())
                .contains("The email address or password is not correct");
    }

    @Test
    void anUnknownEmailGetsTheSamePageAndNoEmail() throws Exception {
        String known = uniqueEmail("known");
        String unknown = uniqueEmail("nobod");
        existingAccount(known, "the old password", AccountStatus.ACTIVE);

        TestBrowser.Page unknownPage = startReset(browser(), unknown);
        TestBrowser.Page knownPage = startReset(browser(), known);

        assertThat(knownPage.bodyWithoutCsrfToken().replace(known, "EMAIL"))
                .isEqualTo(unknownPage.bodyWithoutCsrfToken().replace(unknown, "EMAIL"));
        // Emails go out one after another: once the later one has arrived, an email to the unknown address would have.
        inbox().awaitMessages(known, 1);
        assertThat(inbox().messagesTo(unknown)).isEmpty();
    }

    @Test
    void anAccountThatMustResetItsPasswordIsSentThroughTheResetAndIsActiveAfterwards() throws Exception {
        String email = uniqueEmail("mustreset");
        Account account = existingAccount(email, "the old password", AccountStatus.PASSWORD_RESET_REQUIRED);
        TestBrowser browser = browser();

        TestBrowser.Page afterSignIn = signIn(browser, email, "the old password");
        assertThat(afterSignIn.location()).endsWith("/reset-password/required");
        TestBrowser.Page required = browser.follow(afterSignIn);
        assertThat(required.body()).contains("You need to reset your password");
        TestBrowser.Page checkEmail = browser.follow(browser.submit(required, "/reset-password/required", Map.of()));
        TestBrowser.Page newPasswordPage = browser.follow(browser.submit(checkEmail, "/reset-password/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        browser.submit(newPasswordPage, "/reset-password/new-password",
                Map.of("password", "the new password", "confirmPassword", "the new password"));

        assertThat(accounts.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(signIn(browser(), email, "the new password").location()).endsWith("/account");
    }

    @Test
    void theRequiredResetPageCannotBeReachedWithoutTheRightPassword() throws Exception {
        String email = uniqueEmail("mustreset2");
        existingAccount(email, "the old password", AccountStatus.PASSWORD_RESET_REQUIRED);
        TestBrowser browser = browser();

        TestBrowser.Page afterSignIn = signIn(browser, email, "a wrong password");

        assertThat(afterSignIn.body()).contains("The email address or password is not correct");
        assertThat(browser.get("/reset-password/required").body()).contains("Your session has timed out");
    }

    @Test
    void theNewPasswordPageNeedsTheCodeFirst() throws Exception {
        String email = uniqueEmail("skip");
        existingAccount(email, "the old password", AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        startReset(browser, email);

        TestBrowser.Page page = browser.get("/reset-password/new-password");

        assertThat(page.location()).endsWith("/reset-password/check-email");
    }

    private TestBrowser.Page startReset(TestBrowser browser, String email) throws Exception {
        TestBrowser.Page page = browser.get("/reset-password");
        TestBrowser.Page response = browser.submit(page, "/reset-password", Map.of("email", email));
        assertThat(response.location()).endsWith("/reset-password/check-email");
        return browser.follow(response);
    }
}
