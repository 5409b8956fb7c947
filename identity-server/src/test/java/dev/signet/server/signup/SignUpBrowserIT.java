package dev.signet.server.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import org.junit.jupiter.api.Test;

/** A citizen sent by a service creates an account in Chromium, reading the code from the real outbox. */
class SignUpBrowserIT extends BrowserIntegrationTest {

    @Test
    void aCitizenWithoutAnAccountCreatesOneAndIsSentBackToTheServiceSignedIn() throws Exception {
        String email = uniqueEmail("browser-signup");
        Citizen citizen = citizen();

        citizen.visitService().follow("Create an account");
        assertThat(citizen.path()).isEqualTo("/sign-up");
        citizen.fillIn("Email address", "not an email address").press("Continue");
        assertThat(citizen.errorSummary())
                .containsExactly("Enter an email address in the correct format, like name@example.com");

        citizen.fillIn("Email address", email).press("Continue");
        assertThat(citizen.heading()).isEqualTo("Check your email");
        assertThat(citizen.text()).contains("We have sent an email to " + email);
        String code = inbox().latestCodeTo(email);
        citizen.fillIn("Enter the 6-digit code", code.equals("000000") ? "111111" : "000000").press("Continue");
        assertThat(citizen.title()).startsWith("Error: Check your email");
        assertThat(citizen.errorSummary().get(0)).startsWith("The code is not correct");
        citizen.fillIn("Enter the 6-digit code", code).press("Continue");

        assertThat(citizen.heading()).isEqualTo("Create your password");
        citizen.fillIn("Password", "a long enough phrase").fillIn("Confirm your password", "another phrase")
                .press("Continue");
        assertThat(citizen.errorSummary()).containsExactly("The passwords do not match. Enter the same password twice.");
        citizen.fillIn("Password", "a long enough phrase").fillIn("Confirm your password", "a long enough phrase")
                .press("Continue");

        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);
        assertThat(relyingParty().lastSignIn()).isPresent();
        assertThat(accounts.findByEmail(email)).get().extracting(Account::emailVerified).isEqualTo(true);
        assertThat(citizen.pagesChecked()).hasSize(7);
    }

    @Test
    void aCitizenWhoAsksForANewCodeCanUseIt() throws Exception {
        String email = uniqueEmail("browser-resend");
        Citizen citizen = citizen();
        citizen.visit("/sign-up").fillIn("Email address", email).press("Continue");
        inbox().awaitMessages(email, 1);

        citizen.follow("Not received the email? Get a new code");
        assertThat(citizen.heading()).isEqualTo("Get a new code");
        citizen.press("Send a new code");
        citizen.fillIn("Enter the 6-digit code", inbox().codeTo(email, 2)).press("Continue");

        assertThat(citizen.heading()).isEqualTo("Create your password");
    }
}
