package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import org.junit.jupiter.api.Test;

/** A citizen sent by a service signs in through the real pages in Chromium and lands back on the service. */
class SignInFromAServiceBrowserIT extends BrowserIntegrationTest {

    @Test
    void aCitizenSentByAServiceSignsInAfterMistakesAndIsSentBackSignedIn() throws Exception {
        String email = uniqueEmail("browser-signin");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        Citizen citizen = citizen();

        citizen.visitService();
        assertThat(citizen.path()).isEqualTo("/sign-in");
        assertThat(citizen.heading()).isEqualTo("Sign in");
        citizen.press("Continue");
        assertThat(citizen.title()).startsWith("Error: Sign in");
        assertThat(citizen.errorSummary()).containsExactly("Enter your email address");
        assertThat(citizen.errorNextTo("Email address")).contains("Enter your email address");

        citizen.fillIn("Email address", email).press("Continue");
        assertThat(citizen.heading()).isEqualTo("Enter your password");
        assertThat(citizen.text()).contains("Signing in as " + email);
        citizen.fillIn("Password", "not my password").press("Continue");
        assertThat(citizen.title()).startsWith("Error: Enter your password");
        assertThat(citizen.errorSummary())
                .containsExactly("The email address or password is not correct. Check them and try again, or reset "
                        + "your password.");
        citizen.fillIn("Password", "correct horse battery").press("Continue");

        assertThat(citizen.url()).startsWith(TestRelyingParty.REDIRECT_URI);
        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);
        assertThat(relyingParty().lastSignIn()).hasValueSatisfying(signIn -> {
            assertThat(signIn.claims().getAudience()).containsExactly(TestRelyingParty.CLIENT_ID);
            assertThat(signIn.claims().getClaim("vot")).isEqualTo("Cl");
        });
        assertThat(citizen.pagesChecked()).containsExactly("/sign-in (Sign in – Sign in to public services)",
                "/sign-in (Error: Sign in – Sign in to public services)",
                "/sign-in/password (Enter your password – Sign in to public services)",
                "/sign-in/password (Error: Enter your password – Sign in to public services)");
    }

    @Test
    void signingInFromAServiceWorksWithoutJavaScript() throws Exception {
        String email = uniqueEmail("browser-nojs");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        Citizen citizen = citizen().javaScript(false);

        citizen.visitService();
        citizen.fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", "correct horse battery").press("Continue");

        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);
        assertThat(relyingParty().lastSignIn()).isPresent();
    }
}
