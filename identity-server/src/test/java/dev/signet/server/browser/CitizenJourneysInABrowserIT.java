package dev.signet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.server.testing.browser.Accessibility;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The citizen's journeys in a real headless Chromium, every page checked with axe-core (by {@link Citizen}): create
 * an account, sign in from a service that needs a second factor (setting up an authenticator app on the way), reset
 * a password, the Welsh journey and the account pages, including the error states a person meets.
 */
class CitizenJourneysInABrowserIT extends BrowserIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String CALLBACK = "http://127.0.0.1:9876/callback";
    private static final Pattern SECRET_KEY = Pattern.compile("Secret key:\\s*([A-Z2-7][A-Z2-7 ]*[A-Z2-7])");

    @Test
    void createAnAccountThenSignOut() throws Exception {
        String email = uniqueEmail("browser-sign-up");
        Citizen citizen = citizen().visit("/sign-up");

        citizen.press("Continue");
        assertThat(citizen.errorSummary()).containsExactly("Enter your email address");

        citizen.fillIn("Email address", email).press("Continue");
        assertThat(citizen.path()).isEqualTo("/sign-up/check-email");

        String code = inbox().latestCodeTo(email);
        citizen.fillIn("Enter the 6-digit code", String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000))
                .press("Continue");
        assertThat(citizen.title()).startsWith("Error:");

        citizen.fillIn("Enter the 6-digit code", code).press("Continue");
        assertThat(citizen.path()).isEqualTo("/sign-up/password");

        citizen.fillIn("Password", "password").fillIn("Confirm your password", "password").press("Continue");
        assertThat(citizen.title()).startsWith("Error:");

        citizen.fillIn("Password", PASSWORD).fillIn("Confirm your password", PASSWORD).press("Continue");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains(email).contains("Where you are signed in").contains("This device")
                .contains("Services you have used");

        citizen.press("Sign out");
        assertThat(citizen.path()).startsWith("/signed-out");
        citizen.visit("/account");
        assertThat(citizen.path()).isEqualTo("/sign-in");
    }

    @Test
    void signInFromAServiceSettingUpAnAuthenticatorApp() throws Exception {
        String email = uniqueEmail("browser-app");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Citizen citizen = citizen().visit(authorizationRequest());
        assertThat(citizen.path()).isEqualTo("/sign-in");

        citizen.fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", "not the password").press("Continue");
        assertThat(citizen.title()).startsWith("Error:");
        citizen.fillIn("Password", PASSWORD).press("Continue");

        // The service asked for Cl.Cm (the default) and the account has no second factor: set one up.
        assertThat(citizen.path()).startsWith("/sign-in/second-factor");
        citizen.choose("An authenticator app").press("Continue");
        assertThat(citizen.path()).isEqualTo("/sign-in/second-factor/set-up/app");

        citizen.reveal("I cannot scan the QR code");
        Matcher key = SECRET_KEY.matcher(citizen.text());
        assertThat(key.find()).as("the secret key on %s", citizen.text()).isTrue();
        byte[] secret = Base32.decode(key.group(1));
        citizen.fillIn("Enter the 6-digit code", "12345").press("Continue");
        assertThat(citizen.title()).startsWith("Error:");
        citizen.fillIn("Enter the 6-digit code", Totp.code(secret, Totp.step(Instant.now()))).press("Continue");
        assertThat(citizen.driver().findElements(By.cssSelector("#recovery-codes li")))
                .as("recovery codes on %s: %s", citizen.path(), citizen.text()).hasSize(10);

        citizen.follow("I have saved my recovery codes");
        // Back at the service's redirect URI with a code (nothing listens there, so the browser shows an error).
        assertThat(citizen.url()).startsWith(CALLBACK + "?").contains("code=").contains("state=");
    }

    @Test
    void resetAForgottenPasswordThenSignInWithTheNewOne() throws Exception {
        String email = uniqueEmail("browser-reset");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Citizen citizen = citizen().visit("/sign-in").follow("Forgotten your password?");
        assertThat(citizen.path()).isEqualTo("/reset-password");

        citizen.fillIn("Email address", email).press("Continue");
        assertThat(citizen.path()).isEqualTo("/reset-password/check-email");
        citizen.fillIn("Enter the 6-digit code", inbox().latestCodeTo(email)).press("Continue");
        assertThat(citizen.path()).isEqualTo("/reset-password/new-password");

        String newPassword = "a new and rather long passphrase";
        citizen.fillIn("Password", newPassword).fillIn("Confirm your password", newPassword + "!").press("Continue");
        assertThat(citizen.title()).startsWith("Error:");
        citizen.fillIn("Password", newPassword).fillIn("Confirm your password", newPassword).press("Continue");
        assertThat(citizen.path()).isEqualTo("/reset-password/password-changed");
        assertThat(citizen.text()).contains("we have signed you out of your account on every device");

        citizen.visit("/sign-in").fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", newPassword).press("Continue");
        assertThat(citizen.path()).isEqualTo("/account");
    }

    @Test
    void theWholeSignInInWelsh() {
        String email = uniqueEmail("browser-cymraeg");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Citizen citizen = citizen().visit("/sign-in?lang=cy");
        assertThat(citizen.language()).isEqualTo("cy");
        assertThat(citizen.heading()).isEqualTo("Mewngofnodi");

        citizen.press("Parhau");
        assertThat(citizen.title()).startsWith("Gwall:");

        citizen.fillIn("Cyfeiriad e-bost", email).press("Parhau");
        assertThat(citizen.heading()).isEqualTo("Rhowch eich cyfrinair");
        citizen.fillIn("Cyfrinair", PASSWORD).press("Parhau");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.language()).isEqualTo("cy");
        assertThat(citizen.text()).contains("Ble rydych wedi mewngofnodi");
    }

    @Test
    void yourAccountPagesIncludingTheirErrors() {
        String email = uniqueEmail("browser-account");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Citizen citizen = citizen().visit("/sign-in").fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", PASSWORD).press("Continue");
        assertThat(citizen.path()).isEqualTo("/account");

        citizen.visit("/account/change-password").press("Change your password");
        assertThat(citizen.title()).startsWith("Error:");
        citizen.visit("/account/change-email").press("Continue");
        assertThat(citizen.title()).startsWith("Error:");
        citizen.visit("/account/delete").press("Delete your account");
        assertThat(citizen.title()).startsWith("Error:");

        citizen.visit("/account").follow("Sign out everywhere");
        assertThat(citizen.heading()).isEqualTo("Sign out everywhere");
        citizen.press("Sign out everywhere");
        assertThat(citizen.heading()).isEqualTo("You have signed out everywhere");
        citizen.visit("/account");
        assertThat(citizen.path()).isEqualTo("/sign-in");
    }

    @Test
    void theAccessibilityCheckFailsOnAnInaccessiblePage() {
        Citizen citizen = citizen();
        citizen.driver().get("data:text/html,<html><head><title>t</title></head><body><main><img src='x.png'>"
                + "<input type='text'></main></body></html>");

        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(citizen.driver()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("image-alt").hasMessageContaining("label");
    }

    /** The public test client's request: PKCE (RFC 7636 Appendix B's pair), no vtr, so Cl.Cm. */
    private static String authorizationRequest() {
        return "/oauth2/authorize?response_type=code&client_id=test-public&scope=openid%20email"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }
}
