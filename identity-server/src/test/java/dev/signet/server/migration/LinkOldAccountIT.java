package dev.signet.server.migration;

import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static dev.signet.server.migration.LegacyUserTables.SHA512_CRYPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.password.PasswordCheck;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Your old accounts" and "Link another old account" on the account page, over HTTP, against the legacy-database
 * connector reading real legacy user tables in a real PostgreSQL database.
 */
class LinkOldAccountIT extends JourneyIntegrationTest {

    private static final String SIGNET_PASSWORD = "my own signet password";

    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private AuditLog auditLog;

    @DynamicPropertySource
    static void legacySystems(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
        // The shipped account limit (5 free attempts), with a wait after them no test run can outlast.
        registry.add("signet.protection.sign-in.account.first-delay", () -> "1h");
        registry.add("signet.protection.sign-in.account.max-delay", () -> "1h");
    }

    // --- Your old accounts ------------------------------------------------------------------------------------------

    @Test
    void theAccountPageListsLinkedOldAccountsByNameAndDayNeverByTheirLegacySubject() throws Exception {
        String email = uniqueEmail("listed");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(email);
        assertThat(browser.get("/account").body()).contains("Your old accounts")
                .contains("You have not linked any old accounts").contains("href=\"/account/old-accounts\"");

        Instant linkedAt = LocalDate.of(2026, 3, 1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        String subject = "NI-AB123456C-" + UUID.randomUUID();
        links.link(LinkedIdentity.of(account.id(), "vehicle-tax", subject, linkedAt, LinkMethod.EMAIL_CODE,
                Optional.empty()));
        // A connector since removed from the connectors file: still listed, by its id.
        links.link(LinkedIdentity.of(account.id(), "retired-system", "r-" + UUID.randomUUID(), linkedAt.plusSeconds(1),
                LinkMethod.EMAIL_CODE, Optional.empty()));

        String page = browser.get("/account").body();
        assertThat(page).contains("Vehicle tax account").contains("Linked on 1 March 2026")
                .contains("retired-system").contains("No longer available")
                .doesNotContain(subject).doesNotContain("You have not linked any old accounts");
        String welsh = browser.acceptLanguage("cy").get("/account").body();
        assertThat(welsh).contains("Eich hen gyfrifon").contains("Cyfrif treth cerbyd")
                .contains("Cysylltwyd ar 1 Mawrth 2026").contains("Nid yw ar gael mwyach")
                .doesNotContain("Vehicle tax account");
    }

    @Test
    void linkingNeedsASignedInCitizen() throws Exception {
        TestBrowser.Page page = browser().get("/account/old-accounts");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/sign-in");
    }

    // --- Link another old account -----------------------------------------------------------------------------------

    @Test
    void signingInToTheOldSystemLinksItToTheSignedInAccountConfirmedByEmailAndAudited() throws Exception {
        String email = uniqueEmail("linker");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);
        String login = unique("linker");
        // The old record has a different (vouched) address: it does not matter, the signed-in account is the one.
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, uniqueEmail("elsewhere"), true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        TestBrowser browser = signedIn(email);

        TestBrowser.Page choose = browser.get("/account/old-accounts");
        assertThat(choose.body()).contains("Which old account do you want to link?").contains("Vehicle tax account")
                .contains("Back to your account").doesNotContain("currentPassword");
        TestBrowser.Page form = browser.get(browser.submit(choose, "/account/old-accounts",
                Map.of("connector", "vehicle-tax")).location());
        assertThat(form.body()).contains("Sign in to your Vehicle tax account")
                .contains("action=\"/account/old-accounts/sign-in\"");

        TestBrowser.Page done = browser.submit(form, "/account/old-accounts/sign-in",
                Map.of("loginName", login, "password", LEGACY_PASSWORD));

        assertThat(done.location()).endsWith("/account");
        assertThat(browser.follow(done).body()).contains("Your old account has been linked")
                .contains("Vehicle tax account");
        LinkedIdentity link = links.find("vehicle-tax", subject).orElseThrow();
        assertThat(link.accountId()).isEqualTo(account.id());
        assertThat(link.linkedBy()).isEqualTo(LinkMethod.SIGNED_IN.value());
        // The account keeps its own password.
        String hash = accounts.findById(account.id()).orElseThrow().passwordHash().orElseThrow();
        assertThat(hasher.verify(SIGNET_PASSWORD, hash)).isInstanceOf(PasswordCheck.Matches.class);
        assertThat(link.passwordFingerprint()).isEmpty();
        assertThat(inbox().latestTo(email).body()).contains("Your Vehicle tax account is now part of your account");
        assertThat(awaitLinked(account.id())).containsEntry("connector", "vehicle-tax")
                .containsEntry("method", "signed_in");
    }

    @Test
    void anOldAccountAlreadyLinkedToThisAccountGetsAFriendlyPageAndNoEmail() throws Exception {
        String email = uniqueEmail("again");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);
        String login = unique("again");
        LegacyUserTables.legacyUser("council_tax_users", login, SHA512_CRYPT, email, false);
        links.link(LinkedIdentity.of(account.id(), "council-tax", LegacyUserTables.subjectOf("council_tax_users",
                login), Instant.now(), LinkMethod.EMAIL_CODE, Optional.empty()));
        TestBrowser browser = signedIn(email);
        int emailsBefore = inbox().messagesTo(email).size();

        TestBrowser.Page page = linkOldAccount(browser, "council-tax", login, LEGACY_PASSWORD);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("This old account is already part of your account")
                .contains("Your Council tax account is already linked to this account");
        assertThat(links.findByAccount(account.id())).hasSize(1);
        assertThat(inbox().messagesTo(email)).hasSize(emailsBefore);
    }

    @Test
    void anOldAccountLinkedToAnotherAccountIsNotMovedButTheCitizenIsOfferedToJoinTheAccounts() throws Exception {
        Account other = existingAccount(uniqueEmail("owner"), "someone else's password", AccountStatus.ACTIVE);
        String login = unique("taken");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, uniqueEmail("taken"), true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        links.link(LinkedIdentity.of(other.id(), "vehicle-tax", subject, Instant.now(), LinkMethod.EMAIL_CODE,
                Optional.empty()));
        String email = uniqueEmail("second");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);

        TestBrowser.Page page = linkOldAccount(signedIn(email), "vehicle-tax", login, LEGACY_PASSWORD);

        // Joining them is JoinAccountsIT's: here, nothing moved on its own.
        assertThat(page.location()).endsWith("/account/old-accounts/join");
        assertThat(links.find("vehicle-tax", subject).orElseThrow().accountId()).isEqualTo(other.id());
        assertThat(links.findByAccount(account.id())).isEmpty();
        assertThat(inbox().messagesTo(email)).isEmpty();
    }

    @Test
    void wrongDetailsGetTheSignInMessageUnderTheSameLimitAndLinkNothing() throws Exception {
        String email = uniqueEmail("wrong");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);
        String login = unique("wrong");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        TestBrowser browser = signedIn(email);

        TestBrowser.Page missing = linkOldAccount(browser, "vehicle-tax", "", "");
        assertThat(missing.body()).contains("Enter your user name").contains("Enter your password");
        for (int attempt = 1; attempt <= 6; attempt++) {
            TestBrowser.Page wrong = linkOldAccount(browser, "vehicle-tax", login, "not it " + attempt);
            assertThat(wrong.status()).as("attempt " + attempt).isEqualTo(200);
            assertThat(wrong.body()).contains("The user name or password is not correct");
        }
        TestBrowser.Page refused = linkOldAccount(browser, "vehicle-tax", login, LEGACY_PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("You have tried to sign in too many times");
        assertThat(links.findByAccount(account.id())).isEmpty();
    }

    @Test
    void anOldSystemThatDoesNotAnswerGetsThePlainPageWithTheWayBackToTheAccount() throws Exception {
        String email = uniqueEmail("unanswered");
        Account account = existingAccount(email, SIGNET_PASSWORD, AccountStatus.ACTIVE);

        TestBrowser.Page page = linkOldAccount(signedIn(email), "old-benefits", "someone", "any password");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sorry, we cannot check your old account right now")
                .contains("href=\"/account\"").doesNotContain("Sign in another way");
        assertThat(links.findByAccount(account.id())).isEmpty();
    }

    @Test
    void choosingNothingIsAnErrorAndTheSignInFormCannotBeReachedWithoutAChoice() throws Exception {
        TestBrowser browser = signedIn(existingAccount(uniqueEmail("nothing"), SIGNET_PASSWORD,
                AccountStatus.ACTIVE).email());
        TestBrowser.Page refused = browser.submit(browser.get("/account/old-accounts"), "/account/old-accounts",
                Map.of());
        assertThat(refused.body()).contains("Select the account you already have");
        TestBrowser.Page skipped = browser.get("/account/old-accounts/sign-in");
        assertThat(skipped.body()).contains("href=\"/account/old-accounts\"");
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    private TestBrowser signedIn(String email) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, SIGNET_PASSWORD).location()).endsWith("/account");
        return browser;
    }

    /** From the account page: chooses the old system, then sends its login name and password. */
    private static TestBrowser.Page linkOldAccount(TestBrowser browser, String connectorId, String login,
            String password) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/account/old-accounts"), "/account/old-accounts",
                Map.of("connector", connectorId));
        assertThat(chosen.location()).endsWith("/account/old-accounts/sign-in");
        TestBrowser.Page form = browser.get(chosen.location());
        return browser.submit(form, "/account/old-accounts/sign-in", Map.of("loginName", login, "password", password));
    }

    /** The details of the account's legacy_identity.linked audit entry, once written (the audit log is async). */
    private Map<String, String> awaitLinked(UUID accountId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<AuditEntry> entries = auditLog.find(AuditFilter.ALL.withAccount(accountId), Optional.empty(), 100)
                    .entries();
            Optional<AuditEntry> linked = entries.stream()
                    .filter(entry -> entry.event().type().equals(AuditEventType.LEGACY_IDENTITY_LINKED)).findFirst();
            if (linked.isPresent()) {
                return linked.get().event().details();
            }
            Thread.sleep(20);
        }
        return Map.of();
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
