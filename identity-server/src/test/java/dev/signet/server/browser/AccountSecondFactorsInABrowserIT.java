package dev.signet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.server.testing.browser.BrowserJourneyTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * "Your account" → second factors in a real Chromium, every page checked with axe-core: add an authenticator app
 * (QR code and key), see it listed, get new recovery codes, confirm it is you, and remove the app.
 */
class AccountSecondFactorsInABrowserIT extends BrowserJourneyTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void addAnAuthenticatorAppGetNewRecoveryCodesAndRemoveIt() {
        String email = uniqueEmail("browser-account-factors");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        open("/sign-in");
        type("email", email);
        pressButton();
        type("password", PASSWORD);
        pressButton();
        assertThat(path()).isEqualTo("/account");
        assertThat(textOf("second-factors")).contains("You have not set up a way to get security codes");
        accessible();

        clickLink("Add a way to get security codes");
        assertThat(path()).isEqualTo("/account/second-factors/add");
        accessible();
        choose("AUTHENTICATOR_APP");
        pressButton();
        assertThat(path()).isEqualTo("/account/second-factors/add/app");
        accessible();
        byte[] secret = Base32.decode(textOf("secret-key"));
        type("code", Totp.code(secret, Totp.step(Instant.now()) - 1));
        pressButton();
        assertThat(chromium.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        accessible();
        pressButton();

        assertThat(path()).isEqualTo("/account");
        assertThat(textOf("second-factor-list")).contains("Authenticator app")
                .contains("You have 10 recovery codes left");
        accessible();

        open("/account/second-factors/recovery-codes");
        assertThat(path()).isEqualTo("/account/second-factors/recovery-codes");
        accessible();
        pressButton("replace-recovery-codes-button");
        assertThat(chromium.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        pressButton();

        open("/account/confirm-it-is-you");
        accessible();
        pressButton("confirm-it-is-you");
        assertThat(chromium.getTitle()).startsWith("Error:");
        accessible();

        open("/account/second-factors/authenticator-app/remove");
        accessible();
        pressButton("second-factor-remove");
        assertThat(path()).isEqualTo("/account");
        assertThat(textOf("second-factors")).contains("You have not set up a way to get security codes");
        assertThat(chromium.findElement(By.tagName("main")).getText()).contains("Your authenticator app has been removed");
        accessible();
    }
}
