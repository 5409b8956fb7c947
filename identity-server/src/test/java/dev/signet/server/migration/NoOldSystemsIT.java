package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import org.junit.jupiter.api.Test;

/** With no connector declared (the default file), sign-in offers no old accounts. */
class NoOldSystemsIT extends JourneyIntegrationTest {

    @Test
    void theSignInPageOffersNoOldAccountsAndTheChoicePageSendsCitizensToSignIn() throws Exception {
        TestBrowser browser = browser();

        assertThat(browser.get("/sign-in").body()).doesNotContain("Sign in with an account you already have")
                .doesNotContain("/sign-in/old-account");
        TestBrowser.Page choose = browser.get("/sign-in/old-account");
        assertThat(choose.status()).isEqualTo(302);
        assertThat(choose.location()).endsWith("/sign-in");
    }
}
