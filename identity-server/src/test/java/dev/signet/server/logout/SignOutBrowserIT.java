package dev.signet.server.logout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import org.junit.jupiter.api.Test;

/**
 * Signing out in Chromium from the "Do you want to sign out?" page and from a service (the account page's button is
 * in browser.CitizenJourneysInABrowserIT).
 */
class SignOutBrowserIT extends BrowserIntegrationTest {

    @Test
    void theSignOutPageAsksFirst() throws Exception {
        Citizen citizen = signedInCitizen();

        citizen.visit("/sign-out");
        assertThat(citizen.heading()).isEqualTo("Do you want to sign out?");
        citizen.press("Sign out");

        assertThat(citizen.heading()).isEqualTo("You have signed out");
        citizen.visit("/account");
        assertThat(citizen.path()).isEqualTo("/sign-in");
    }

    @Test
    void aCitizenWhoSignsOutOfAServiceIsSignedOutOfSignetAndSentBackToTheService() throws Exception {
        String email = uniqueEmail("browser-rp-signout");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        Citizen citizen = citizen();
        citizen.visitService().fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", "correct horse battery").press("Continue");
        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);

        citizen.follow("Sign out");

        assertThat(citizen.url()).startsWith(TestRelyingParty.POST_LOGOUT_REDIRECT_URI + "?state=signed-out-");
        assertThat(citizen.heading()).isEqualTo("You have signed out of " + TestRelyingParty.SERVICE_NAME);
        citizen.visitService();
        assertThat(citizen.path()).isEqualTo("/sign-in");
    }

    private Citizen signedInCitizen() throws Exception {
        String email = uniqueEmail("browser-signout");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        Citizen citizen = citizen();
        citizen.visit("/sign-in").fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", "correct horse battery").press("Continue");
        return citizen;
    }
}
