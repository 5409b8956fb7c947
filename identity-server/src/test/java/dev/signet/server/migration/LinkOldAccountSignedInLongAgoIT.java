package dev.signet.server.migration;

import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Linking an old account from a session signed in longer ago than {@code signet.sessions.recent-sign-in}: the Signet
 * password comes first. Here every session counts as long ago (a recent sign-in lasts one nanosecond), so no test
 * needs to wait or move a clock.
 */
class LinkOldAccountSignedInLongAgoIT extends JourneyIntegrationTest {

    private static final String SIGNET_PASSWORD = "my own signet password";

    @Autowired
    private LinkedIdentityRepository links;

    @DynamicPropertySource
    static void legacySystemsAndNoRecentSignIn(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
        registry.add("signet.sessions.recent-sign-in", () -> "1ns");
    }

    @Test
    void theSignetPasswordIsAskedForAndCheckedBeforeTheOldSystemIsOffered() throws Exception {
        String email = uniqueEmail("long-ago");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);
        String login = "long-ago-" + UUID.randomUUID().toString().substring(0, 8);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, SIGNET_PASSWORD).location()).endsWith("/account");

        TestBrowser.Page choose = browser.get("/account/old-accounts");
        assertThat(choose.body()).contains("name=\"currentPassword\"").contains("You signed in a while ago");
        TestBrowser.Page noPassword = browser.submit(choose, "/account/old-accounts",
                Map.of("connector", "vehicle-tax"));
        assertThat(noPassword.status()).isEqualTo(200);
        assertThat(noPassword.body()).contains("Enter your current password");
        TestBrowser.Page wrong = browser.submit(choose, "/account/old-accounts",
                Map.of("connector", "vehicle-tax", "currentPassword", LEGACY_PASSWORD));
        assertThat(wrong.body()).contains("The password is not correct");
        assertThat(browser.get("/account/old-accounts/sign-in").body())
                .as("no journey without the password").doesNotContain("Sign in to your Vehicle tax account");

        TestBrowser.Page chosen = browser.submit(choose, "/account/old-accounts",
                Map.of("connector", "vehicle-tax", "currentPassword", SIGNET_PASSWORD));
        assertThat(chosen.location()).endsWith("/account/old-accounts/sign-in");
        TestBrowser.Page done = browser.submit(browser.get(chosen.location()), "/account/old-accounts/sign-in",
                Map.of("loginName", login, "password", LEGACY_PASSWORD));

        assertThat(done.location()).endsWith("/account");
        assertThat(links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login)).orElseThrow()
                .accountId()).isEqualTo(account.id());
    }
}
