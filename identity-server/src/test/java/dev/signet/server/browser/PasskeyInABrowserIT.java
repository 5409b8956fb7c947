package dev.signet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A passkey added and used in a real Chromium through WebDriver's virtual authenticator (CTAP2, resident keys, user
 * verification), with passkeys.js doing what it does for a citizen; every page checked with axe-core, and the pages
 * the script changes in place checked again once changed.
 *
 * <p>A browser reports the page's exact origin, port included, so this test runs its own server on a port chosen
 * before start-up and allows that origin ({@code signet.passkeys.allowed-origins}); the issuer stays
 * http://localhost:8080, whose host is the relying party id.
 */
class PasskeyInABrowserIT extends BrowserIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final int PORT = freePort();

    @Autowired
    PasskeyRepository passkeys;

    @DynamicPropertySource
    static void pagesOnAKnownOrigin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("signet.passkeys.allowed-origins", () -> "http://localhost:" + PORT);
    }

    @Test
    void addAPasskeyOnTheAccountPageSignInWithItThenRenameAndRemoveIt() {
        Account account = existingAccount(uniqueEmail("browser-passkey"), PASSWORD, AccountStatus.ACTIVE);
        // Removed by the harness before the next test.
        VirtualAuthenticator authenticator = chromium().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        Citizen citizen = citizen().visit("/sign-in");
        assertThat(citizen.text()).contains("Sign in with a passkey");
        citizen.fillIn("Email address", account.email()).press("Continue");
        citizen.fillIn("Password", PASSWORD).press("Continue");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Name for the new passkey")
                .doesNotContain("To add a passkey, use a browser that supports passkeys");

        // A name is needed first: the script says so without leaving the page.
        citizen.pressInPlace("Add a passkey");
        awaitText(citizen, "Enter a name for the passkey");
        citizen.checkAccessibility();

        citizen.fillIn("Name for the new passkey", "Virtual key").press("Add a passkey");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Passkey ‘Virtual key’ added").contains("Virtual key")
                .contains("Not used yet");
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(passkeys.findByAccount(account.id())).hasSize(1);

        // Signed out (no cookies): the passkey alone signs in.
        citizen.forgetCookies().visit("/sign-in").press("Sign in with a passkey");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Last used");

        citizen.follow("Change name Virtual key").fillIn("Name", "Laptop").press("Save name");
        assertThat(citizen.text()).contains("Passkey renamed to ‘Laptop’");

        citizen.follow("Remove Laptop").press("Remove passkey");
        assertThat(citizen.text()).contains("Passkey ‘Laptop’ removed").contains("You have not added any passkeys.");

        // The authenticator still holds the key, but Signet no longer knows it.
        citizen.forgetCookies().visit("/sign-in").pressInPlace("Sign in with a passkey");
        awaitText(citizen, "We could not sign you in with that passkey");
        assertThat(citizen.path()).isEqualTo("/sign-in");
        citizen.checkAccessibility();
    }

    @Test
    void aCitizenWithAPasskeyGivesItAsTheSecondStepAfterTheirPasswordForAServiceThatNeedsClCm() {
        Account account = existingAccount(uniqueEmail("browser-passkey-second-step"), PASSWORD,
                AccountStatus.ACTIVE);
        // Removed by the harness before the next test.
        chromium().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        Citizen citizen = citizen().visit("/sign-in");
        citizen.fillIn("Email address", account.email()).press("Continue");
        citizen.fillIn("Password", PASSWORD).press("Continue");
        citizen.fillIn("Name for the new passkey", "Virtual key").press("Add a passkey");
        assertThat(citizen.text()).contains("Passkey ‘Virtual key’ added");

        // Another visit, from a service that needs Cl.Cm: the password, then the passkey.
        citizen.forgetCookies().visitService(Map.of("vtr", "[\"Cl.Cm\"]"));
        assertThat(citizen.path()).isEqualTo("/sign-in");
        citizen.fillIn("Email address", account.email()).press("Continue");
        citizen.fillIn("Password", PASSWORD).press("Continue");
        assertThat(citizen.path()).isEqualTo("/sign-in/second-factor");
        assertThat(citizen.text()).contains("Use your passkey").doesNotContain("Choose how to get security codes")
                .doesNotContain("To use your passkey, use a browser that supports passkeys");

        citizen.press("Use your passkey");
        assertThat(citizen.url()).startsWith(TestRelyingParty.ORIGIN);
        assertThat(relyingParty().lastSignIn()).get().extracting(signIn -> signIn.claims().getClaim("vot"))
                .isEqualTo("Cl.Cm");
    }

    /** Waits until the page shows the words (a script changing the page in place). */
    private static void awaitText(Citizen citizen, String words) {
        new WebDriverWait(citizen.driver(), Duration.ofSeconds(30)).until(driver -> citizen.text().contains(words));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
