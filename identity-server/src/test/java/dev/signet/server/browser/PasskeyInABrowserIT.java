package dev.signet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.browser.BrowserJourneyTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A passkey added and used in a real Chromium through WebDriver's virtual authenticator (CTAP2, resident keys, user
 * verification), with passkeys.js doing what it does for a citizen; every page checked with axe-core.
 *
 * <p>A browser reports the page's exact origin, port included, so this test runs its own server on a port chosen
 * before start-up and allows that origin ({@code signet.passkeys.allowed-origins}); the issuer stays
 * http://localhost:8080, whose host is the relying party id.
 */
class PasskeyInABrowserIT extends BrowserJourneyTest {

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
        Account account = existingAccount(uniqueEmail("browser-passkey"), PASSWORD,
                AccountStatus.ACTIVE);
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) chromium).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        try {
            open("/sign-in");
            assertThat(chromium.findElement(By.id("passkey-sign-in-section")).isDisplayed()).isTrue();
            type("email", account.email());
            pressButton();
            type("password", PASSWORD);
            pressButton();
            assertThat(path()).isEqualTo("/account");
            assertThat(chromium.findElement(By.id("passkey-add-section")).isDisplayed()).isTrue();
            assertThat(chromium.findElement(By.id("passkey-needs-javascript")).isDisplayed()).isFalse();
            accessible();

            // A name is needed first: the script says so without leaving the page.
            chromium.findElement(By.id("passkey-add")).click();
            assertThat(waitForVisible("passkey-add-error").getText()).contains("Enter a name for the passkey");
            accessible();

            type("passkey-name", "Virtual key");
            pressButton("passkey-add");
            assertThat(path()).isEqualTo("/account");
            assertThat(textOf("passkey-notice")).contains("Passkey ‘Virtual key’ added");
            assertThat(textOf("passkey-list")).contains("Virtual key").contains("Not used yet");
            assertThat(authenticator.getCredentials()).hasSize(1);
            assertThat(passkeys.findByAccount(account.id())).hasSize(1);
            accessible();

            // Signed out (no cookies): the passkey alone signs in.
            chromium.manage().deleteAllCookies();
            open("/sign-in");
            accessible();
            pressButton("passkey-sign-in");
            assertThat(path()).isEqualTo("/account");
            assertThat(textOf("passkey-list")).contains("Last used");

            String id = passkeys.findByAccount(account.id()).get(0).credentialId();
            open("/account/passkeys/" + id + "/name");
            accessible();
            type("name", "Laptop");
            pressButton();
            assertThat(textOf("passkey-notice")).contains("Passkey renamed to ‘Laptop’");

            open("/account/passkeys/" + id + "/remove");
            accessible();
            pressButton();
            assertThat(textOf("passkey-notice")).contains("Passkey ‘Laptop’ removed");
            assertThat(chromium.findElements(By.id("passkeys-none"))).hasSize(1);
            accessible();

            // The authenticator still holds the key, but Signet no longer knows it.
            chromium.manage().deleteAllCookies();
            open("/sign-in");
            chromium.findElement(By.id("passkey-sign-in")).click();
            assertThat(waitForVisible("passkey-sign-in-error").getText())
                    .contains("We could not sign you in with that passkey");
            assertThat(path()).isEqualTo("/sign-in");
            accessible();
        } finally {
            ((HasVirtualAuthenticator) chromium).removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    void aCitizenWithAPasskeyGivesItAsTheSecondStepAfterTheirPasswordForAServiceThatNeedsClCm() throws Exception {
        Account account = existingAccount(uniqueEmail("browser-passkey-second-step"), PASSWORD,
                AccountStatus.ACTIVE);
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) chromium).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        try {
            open("/sign-in");
            type("email", account.email());
            pressButton();
            type("password", PASSWORD);
            pressButton();
            type("passkey-name", "Virtual key");
            pressButton("passkey-add");
            assertThat(textOf("passkey-notice")).contains("Passkey ‘Virtual key’ added");

            // Another visit, from a service that needs Cl.Cm (no vtr): the password, then the passkey.
            chromium.manage().deleteAllCookies();
            open(serviceNeedingClCm());
            assertThat(path()).isEqualTo("/sign-in");
            type("email", account.email());
            pressButton();
            type("password", PASSWORD);
            pressButton();
            assertThat(path()).isEqualTo("/sign-in/second-factor");
            assertThat(chromium.findElement(By.id("passkey-sign-in-section")).isDisplayed()).isTrue();
            assertThat(chromium.findElement(By.id("passkey-second-step-needs-javascript")).isDisplayed()).isFalse();
            assertThat(chromium.findElement(By.tagName("main")).getText()).contains("Use your passkey")
                    .doesNotContain("Choose how to get security codes");
            accessible();

            pressButton("passkey-sign-in");
            assertThat(chromium.getCurrentUrl()).startsWith(SecretClient.CALLBACK + "?").contains("code=");
            String code = SecretClient.callbackQuery(chromium.getCurrentUrl()).get("code");
            assertThat(SecretClient.idToken(SecretClient.exchange(baseUrl(), code)).getStringClaim("vot"))
                    .isEqualTo("Cl.Cm");
        } finally {
            ((HasVirtualAuthenticator) chromium).removeVirtualAuthenticator(authenticator);
        }
    }

    /** An authorization request of the test-secret service, without vtr: it needs Cl.Cm. */
    private static String serviceNeedingClCm() {
        return "/oauth2/authorize?response_type=code&client_id=" + SecretClient.ID + "&scope=openid%20email"
                + "&redirect_uri=" + URLEncoder.encode(SecretClient.CALLBACK, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID();
    }

    private WebElement waitForVisible(String id) {
        return new WebDriverWait(chromium, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
