package dev.signet.server.migration;

import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static dev.signet.server.migration.LegacyUserTables.SHA512_CRYPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in with an old account in Chromium, from a service, every page checked with axe-core: the choice, the old
 * system's sign-in, proving the email address, joining an existing account, the old system not answering (in
 * Welsh), linking another old account from the account page, and joining the other account that holds one.
 */
class OldAccountBrowserIT extends BrowserIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private dev.signet.core.links.LinkedIdentityRepository links;

    @DynamicPropertySource
    static void legacySystems(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
    }

    @Test
    void aCitizenSentByAServiceBringsTheirOldAccountAndIsSentBackSignedIn() throws Exception {
        String login = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String email = uniqueEmail("browser-old");
        LegacyUserTables.legacyUser("council_tax_users", login, SHA512_CRYPT, email, false);
        Citizen citizen = citizen();

        citizen.visitService().follow("Sign in with an account you already have");
        assertThat(citizen.heading()).isEqualTo("Which account do you already have?");
        citizen.press("Continue");
        assertThat(citizen.errorSummary()).containsExactly("Select the account you already have");
        citizen.choose("Council tax account").press("Continue");

        assertThat(citizen.heading()).isEqualTo("Sign in with your Council tax account");
        citizen.fillIn("User name", login).fillIn("Password", "not the password").press("Continue");
        assertThat(citizen.errorSummary())
                .containsExactly("The user name or password is not correct. Check them and try again.");
        citizen.fillIn("Password", LEGACY_PASSWORD).press("Continue");

        assertThat(citizen.heading()).isEqualTo("Confirm your email address");
        citizen.press("Continue");
        assertThat(citizen.heading()).isEqualTo("Check your email");
        citizen.fillIn("Enter the 6-digit code", inbox().latestCodeTo(email)).press("Continue");

        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);
        assertThat(relyingParty().lastSignIn()).isPresent();
        assertThat(accounts.findByEmail(email)).isPresent();
        assertThat(citizen.pagesChecked()).hasSize(7);
    }

    @Test
    void aCitizenWhoseAddressHasAnAccountProvesItWithACodeAndAddsTheOldAccount() throws Exception {
        String login = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String email = uniqueEmail("browser-join");
        existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        Citizen citizen = citizen();

        citizen.visitService().follow("Sign in with an account you already have");
        citizen.choose("Vehicle tax account").press("Continue");
        citizen.fillIn("User name", login).fillIn("Password", LEGACY_PASSWORD).press("Continue");

        assertThat(citizen.heading()).isEqualTo("You already have an account with this email address");
        citizen.press("Get a code by email instead");
        citizen.fillIn("Enter the 6-digit code", inbox().latestCodeTo(email)).press("Continue");
        assertThat(citizen.text()).contains("Add your Vehicle tax account to this account?");
        citizen.press("Add it to my account");

        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);
    }

    @Test
    void aSignedInCitizenLinksAnotherOldAccountFromTheAccountPage() throws Exception {
        String login = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String email = uniqueEmail("browser-link");
        existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, uniqueEmail("browser-elsewhere"), true);
        Citizen citizen = citizen();
        citizen.visit("/sign-in").fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", "my own signet password").press("Continue");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("You have not linked any old accounts to this account.");

        citizen.follow("Link another old account");
        assertThat(citizen.heading()).isEqualTo("Which old account do you want to link?");
        citizen.choose("Vehicle tax account").press("Continue");
        assertThat(citizen.heading()).isEqualTo("Sign in to your Vehicle tax account");
        citizen.fillIn("User name", login).fillIn("Password", LEGACY_PASSWORD).press("Continue");

        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Your old account has been linked").contains("Vehicle tax account")
                .contains("Linked on");
        assertThat(citizen.pagesChecked()).hasSize(6);
    }

    @Test
    void aSignedInCitizenJoinsTheOtherAccountThatHoldsTheirOldAccount() throws Exception {
        String login = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String email = uniqueEmail("browser-kept");
        existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        String otherEmail = uniqueEmail("browser-other");
        dev.signet.core.account.Account other = existingAccount(otherEmail, "the other signet password",
                AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, uniqueEmail("browser-legacy"), true);
        links.link(dev.signet.core.links.LinkedIdentity.of(other.id(), "vehicle-tax",
                LegacyUserTables.subjectOf("vehicle_tax_users", login), java.time.Instant.now(),
                dev.signet.core.links.LinkMethod.EMAIL_CODE, java.util.Optional.empty()));
        Citizen citizen = citizen();
        citizen.visit("/sign-in").fillIn("Email address", email).press("Continue");
        citizen.fillIn("Password", "my own signet password").press("Continue");

        citizen.follow("Link another old account");
        citizen.choose("Vehicle tax account").press("Continue");
        citizen.fillIn("User name", login).fillIn("Password", LEGACY_PASSWORD).press("Continue");

        assertThat(citizen.heading()).isEqualTo("Your old account is part of another account");
        assertThat(citizen.text()).contains(MaskedEmail.of(otherEmail)).doesNotContain(otherEmail);
        citizen.fillIn("Email address of the other account", otherEmail).fillIn("Password", "not it")
                .press("Join the accounts");
        assertThat(citizen.errorSummary()).containsExactly(
                "The email address or password is not correct. Check them and try again.");
        citizen.fillIn("Password", "the other signet password").press("Join the accounts");

        assertThat(citizen.heading()).isEqualTo("Your accounts have been joined");
        citizen.follow("Back to your account");
        assertThat(citizen.path()).isEqualTo("/account");
        assertThat(citizen.text()).contains("Vehicle tax account");
        assertThat(citizen.pagesChecked()).as("the offer, its error and the confirmation, checked with axe")
                .filteredOn(page -> page.startsWith("/account/old-accounts/join")).hasSize(3);
    }

    @Test
    void anOldSystemThatDoesNotAnswerIsExplainedInWelsh() {
        Citizen citizen = citizen();

        citizen.visit("/sign-in/old-account?lang=cy");
        assertThat(citizen.language()).isEqualTo("cy");
        citizen.choose("Old benefits account").press("Parhau");
        citizen.fillIn("Enw defnyddiwr", "someone").fillIn("Cyfrinair", "any password")
                .press("Parhau");

        assertThat(citizen.heading()).isEqualTo("Mae'n ddrwg gennym, ni allwn wirio eich hen gyfrif ar hyn o bryd");
        assertThat(citizen.text()).contains("Nid yw system Old benefits account yn ateb ar hyn o bryd.");
    }
}
