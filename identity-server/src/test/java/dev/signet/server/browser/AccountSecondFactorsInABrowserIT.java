package dev.signet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * "Your account" → second factors in a real Chromium, every page checked with axe-core as the citizen reaches it: add
 * an authenticator app (QR code and key), see it listed, get new recovery codes, confirm it is you, and remove the app.
 */
class AccountSecondFactorsInABrowserIT extends BrowserIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern SECRET_KEY = Pattern.compile("Secret key:\\s*([A-Z2-7][A-Z2-7 ]*[A-Z2-7])");

    @Test
    void addAnAuthenticatorAppGetNewRecoveryCodesAndRemoveIt() {
        String email = uniqueEmail("browser-account-factors");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Citizen citizen = citizen().visit("/sign-in");
        citizen.fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", PASSWORD).press("Continue");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("You have not set up a way to get security codes");

        citizen.follow("Add a way to get security codes");
        assertThat(citizen.path()).isEqualTo("/account/second-factors/add");
        citizen.choose("An authenticator app").press("Continue");
        assertThat(citizen.path()).isEqualTo("/account/second-factors/add/app");
        citizen.reveal("I cannot scan the QR code");
        Matcher key = SECRET_KEY.matcher(citizen.text());
        assertThat(key.find()).as("the secret key on %s", citizen.text()).isTrue();
        byte[] secret = Base32.decode(key.group(1));
        citizen.fillIn("Enter the 6-digit code", Totp.code(secret, Totp.step(Instant.now()) - 1)).press("Continue");
        assertThat(citizen.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        citizen.follow("I have saved my recovery codes");

        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Authenticator app").contains("You have 10 recovery codes left");

        citizen.follow("Get new codes recovery codes");
        assertThat(citizen.path()).isEqualTo("/account/second-factors/recovery-codes");
        citizen.press("Get new recovery codes");
        assertThat(citizen.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        citizen.follow("I have saved my recovery codes");

        citizen.visit("/account/confirm-it-is-you");
        assertThat(citizen.heading()).isEqualTo("Confirm it is you");
        citizen.press("Continue");
        assertThat(citizen.title()).startsWith("Error:");
        assertThat(citizen.errorNextTo("Your current password")).contains("Enter your current password");

        citizen.visit("/account").follow("Remove Authenticator app").press("Remove");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Your authenticator app has been removed")
                .contains("You have not set up a way to get security codes");
    }
}
