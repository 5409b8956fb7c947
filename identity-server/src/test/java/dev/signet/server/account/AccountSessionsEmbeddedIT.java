package dev.signet.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The citizen's sessions on the account page with the embedded default's sessions (kept in the server's memory, no
 * Redis): listed, and ended at once from another device. AccountSessionsIT covers the rest with sessions in Redis.
 */
class AccountSessionsEmbeddedIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "embedded sessions password";

    @Test
    void theOtherDevicesAreListedAndSignedOutAtOnce() throws Exception {
        String email = uniqueEmail("embedded-sessions");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser laptop = signedIn(email, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        TestBrowser phone = signedIn(email, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");

        TestBrowser.Page accountPage = laptop.get("/account");
        assertThat(accountPage.body()).contains("Firefox on Linux").contains("Chrome on Android")
                .contains("This device");

        TestBrowser.Page done = laptop.submit(laptop.get("/account/sessions/sign-out-others"),
                "/account/sessions/sign-out-others", Map.of());

        assertThat(laptop.follow(done).body()).contains("You have signed out of all your other devices")
                .doesNotContain("Chrome on Android");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(laptop.get("/account").status()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsThisSessionToo() throws Exception {
        String email = uniqueEmail("embedded-everywhere");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser laptop = signedIn(email, null);
        TestBrowser phone = signedIn(email, null);

        TestBrowser.Page done = laptop.submit(laptop.get("/account/sessions/sign-out-everywhere"),
                "/account/sessions/sign-out-everywhere", Map.of());

        assertThat(laptop.follow(done).body()).contains("You have signed out everywhere");
        assertThat(laptop.get("/account").location()).endsWith("/sign-in");
        assertThat(phone.get("/account").location()).endsWith("/sign-in");
        assertThat(inbox().latestTo(email).body()).contains("on 2 devices");
    }

    private TestBrowser signedIn(String email, String userAgent) throws Exception {
        TestBrowser browser = browser();
        if (userAgent != null) {
            browser.userAgent(userAgent);
        }
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        assertThat(browser.get("/account").status()).isEqualTo(200);
        return browser;
    }
}
