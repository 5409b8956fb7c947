package dev.signet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.server.testing.browser.BrowserJourneyTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The citizen's journeys in a real headless Chromium, every page checked with axe-core: create an account, sign in
 * from a service that needs a second factor (setting up an authenticator app on the way), reset a password, and the
 * Welsh journey, including the error states a person meets.
 */
class CitizenJourneysInABrowserIT extends BrowserJourneyTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String CALLBACK = "http://127.0.0.1:9876/callback";

    @Test
    void createAnAccountThenSignOut() throws Exception {
        String email = uniqueEmail("browser-sign-up");
        open("/sign-up");
        accessible();

        pressButton();
        assertThat(chromium.findElement(By.className("govuk-error-summary")).getText())
                .contains("Enter your email address");
        accessible();

        type("email", email);
        pressButton();
        assertThat(path()).isEqualTo("/sign-up/check-email");
        accessible();

        String code = inbox().latestCodeTo(email);
        type("code", String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000));
        pressButton();
        assertThat(chromium.getTitle()).startsWith("Error:");
        accessible();

        type("code", code);
        pressButton();
        assertThat(path()).isEqualTo("/sign-up/password");
        accessible();

        type("password", "password");
        type("confirmPassword", "password");
        pressButton();
        assertThat(chromium.getTitle()).startsWith("Error:");
        accessible();

        type("password", PASSWORD);
        type("confirmPassword", PASSWORD);
        pressButton();
        assertThat(path()).isEqualTo("/account");
        assertThat(chromium.findElement(By.tagName("main")).getText()).contains(email);
        accessible();

        pressButton("sign-out");
        assertThat(path()).startsWith("/signed-out");
        accessible();
        open("/account");
        assertThat(path()).isEqualTo("/sign-in");
    }

    @Test
    void signInFromAServiceSettingUpAnAuthenticatorApp() throws Exception {
        String email = uniqueEmail("browser-app");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        open(authorizationRequest());
        assertThat(path()).isEqualTo("/sign-in");

        type("email", email);
        pressButton();
        accessible();
        type("password", "not the password");
        pressButton();
        assertThat(chromium.getTitle()).startsWith("Error:");
        accessible();
        type("password", PASSWORD);
        pressButton();

        // The service asked for Cl.Cm (the default) and the account has no second factor: set one up.
        assertThat(path()).startsWith("/sign-in/second-factor");
        accessible();
        choose("AUTHENTICATOR_APP");
        pressButton();
        assertThat(path()).isEqualTo("/sign-in/second-factor/set-up/app");
        accessible();

        byte[] secret = Base32.decode(textOf("secret-key"));
        type("code", "12345");
        pressButton();
        assertThat(chromium.getTitle()).startsWith("Error:");
        accessible();
        type("code", Totp.code(secret, Totp.step(Instant.now())));
        pressButton();
        assertThat(chromium.findElements(By.cssSelector("#recovery-codes li")))
                .as("recovery codes on %s: %s", path(), chromium.findElement(By.tagName("main")).getText()).hasSize(10);
        accessible();

        pressButton();
        // Back at the service's redirect URI with a code (nothing listens there, so the browser shows an error).
        assertThat(chromium.getCurrentUrl()).startsWith(CALLBACK + "?").contains("code=").contains("state=");
    }

    @Test
    void resetAForgottenPasswordThenSignInWithTheNewOne() throws Exception {
        String email = uniqueEmail("browser-reset");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        open("/sign-in");
        clickLink("Forgotten your password?");
        assertThat(path()).isEqualTo("/reset-password");
        accessible();

        type("email", email);
        pressButton();
        assertThat(path()).isEqualTo("/reset-password/check-email");
        type("code", inbox().latestCodeTo(email));
        pressButton();
        assertThat(path()).isEqualTo("/reset-password/new-password");
        accessible();

        String newPassword = "a new and rather long passphrase";
        type("password", newPassword);
        type("confirmPassword", newPassword + "!");
        pressButton();
        assertThat(chromium.getTitle()).startsWith("Error:");
        accessible();
        type("password", newPassword);
        type("confirmPassword", newPassword);
        pressButton();
        assertThat(path()).isEqualTo("/reset-password/password-changed");
        accessible();

        open("/sign-in");
        type("email", email);
        pressButton();
        type("password", newPassword);
        pressButton();
        assertThat(path()).isEqualTo("/account");
    }

    @Test
    void theWholeSignInInWelsh() {
        String email = uniqueEmail("browser-cymraeg");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        open("/sign-in?lang=cy");
        assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        assertThat(heading()).isEqualTo("Mewngofnodi");
        accessible();

        pressButton();
        assertThat(chromium.getTitle()).startsWith("Gwall:");
        accessible();

        type("email", email);
        pressButton();
        assertThat(heading()).isEqualTo("Rhowch eich cyfrinair");
        accessible();
        type("password", PASSWORD);
        pressButton();
        assertThat(path()).isEqualTo("/account");
        assertThat(chromium.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        accessible();
    }

    @Test
    void yourAccountPagesIncludingTheirErrors() {
        String email = uniqueEmail("browser-account");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        open("/sign-in");
        type("email", email);
        pressButton();
        type("password", PASSWORD);
        pressButton();
        assertThat(path()).isEqualTo("/account");

        for (String page : new String[] {"change-password", "change-email", "delete"}) {
            open("/account/" + page);
            accessible();
            pressButton();
            assertThat(chromium.getTitle()).startsWith("Error:");
            accessible();
        }
    }

    @Test
    void theAccessibilityCheckFailsOnAnInaccessiblePage() {
        chromium.get("data:text/html,<html><head><title>t</title></head><body><main><img src='x.png'>"
                + "<input type='text'></main></body></html>");

        assertThatThrownBy(this::accessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt").hasMessageContaining("label");
    }

    /** The public test client's request: PKCE (RFC 7636 Appendix B's pair), no vtr, so Cl.Cm. */
    private static String authorizationRequest() {
        return "/oauth2/authorize?response_type=code&client_id=test-public&scope=openid%20email"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }
}
