package dev.signet.server.migration;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static dev.signet.server.migration.LegacyUserTables.BCRYPT;
import static dev.signet.server.migration.LegacyUserTables.CHANGED_PASSWORD;
import static dev.signet.server.migration.LegacyUserTables.CHANGED_SHA512_CRYPT;
import static dev.signet.server.migration.LegacyUserTables.COMMON_CHANGED_PASSWORD;
import static dev.signet.server.migration.LegacyUserTables.COMMON_CHANGED_SHA512_CRYPT;
import static dev.signet.server.migration.LegacyUserTables.COMMON_PASSWORD;
import static dev.signet.server.migration.LegacyUserTables.COMMON_SHA512_CRYPT;
import static dev.signet.server.migration.LegacyUserTables.DJANGO_PBKDF2;
import static dev.signet.server.migration.LegacyUserTables.LDAP_SSHA;
import static dev.signet.server.migration.LegacyUserTables.LEGACY_PASSWORD;
import static dev.signet.server.migration.LegacyUserTables.SHA512_CRYPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.password.PasswordCheck;
import dev.signet.server.testing.AuditEntries;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in with an old account, over HTTP, against the legacy-database connector reading real legacy user tables
 * (bcrypt, SHA-512 crypt, Django PBKDF2 and LDAP SSHA hashes made by independent tools) in a real PostgreSQL database.
 */
class LegacySignInIT extends JourneyIntegrationTest {

    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private AuditLog auditLog;

    @DynamicPropertySource
    static void legacySystems(DynamicPropertyRegistry registry) {
        LegacyUserTables.register(registry);
        // The shipped account limit (5 free attempts), with a wait after them no test run can outlast: the limit
        // test needs no clock.
        registry.add("signet.protection.sign-in.account.first-delay", () -> "1h");
        registry.add("signet.protection.sign-in.account.max-delay", () -> "1h");
    }

    // --- Finding the way in ----------------------------------------------------------------------------------------

    @Test
    void theSignInPageOffersOldAccountsListedByTheNamesCitizensKnowInEnglishAndWelsh() throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.get("/sign-in").body()).contains("Sign in with an account you already have")
                .contains("href=\"/sign-in/old-account\"");

        TestBrowser.Page choose = browser.get("/sign-in/old-account");
        assertThat(choose.body()).contains("Which account do you already have?").contains("Vehicle tax account")
                .contains("Council tax account").contains("Old benefits account").contains("name=\"_csrf\"");

        TestBrowser.Page welsh = browser().acceptLanguage("cy").get("/sign-in/old-account");
        assertThat(welsh.body()).contains("Pa gyfrif sydd gennych eisoes?").contains("Cyfrif treth cerbyd")
                .doesNotContain("Vehicle tax account")
                // No Welsh name given: the English one stands.
                .contains("Council tax account");
        TestBrowser.Page welshSignIn = browser().acceptLanguage("cy").get("/sign-in");
        assertThat(welshSignIn.body()).contains("Mewngofnodi gyda chyfrif sydd gennych eisoes");
    }

    @Test
    void choosingNothingIsAnErrorOnThePage() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page refused = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Select the account you already have").contains("href=\"#connector\"");
    }

    // --- Wrong details and an old system that does not answer ------------------------------------------------------

    @Test
    void wrongDetailsGetOneClearMessageWhetherOrNotTheOldAccountExistsAndAreLimitedPerLoginName() throws Exception {
        String login = unique("wrong");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, unique("w") + "@example.com", true);
        double before = counter("signet.migration.failures", "vehicle-tax", "reason", "invalid");

        TestBrowser.Page wrongPassword = oldAccountSignIn(browser(), "vehicle-tax", login, "not the password");
        TestBrowser.Page unknownUser = oldAccountSignIn(browser(), "vehicle-tax", unique("nobody"), LEGACY_PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(200);
        assertThat(wrongPassword.body()).contains("The user name or password is not correct");
        assertThat(unknownUser.body()).contains("The user name or password is not correct");
        assertThat(counter("signet.migration.failures", "vehicle-tax", "reason", "invalid")).isEqualTo(before + 2);

        // The sign-in limit applies to the old login name too: 5 free attempts, a 6th (after which the next must
        // wait), then refusals.
        TestBrowser browser = browser();
        for (int attempt = 2; attempt <= 6; attempt++) {
            TestBrowser.Page allowed = oldAccountSignIn(browser, "vehicle-tax", login, "still not it " + attempt);
            assertThat(allowed.status()).as("attempt " + attempt).isEqualTo(200);
        }
        TestBrowser.Page last = oldAccountSignIn(browser, "vehicle-tax", login, "one too many");
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body()).contains("You have tried to sign in too many times");
        // Refused before asking the old system: even the right password waits.
        assertThat(oldAccountSignIn(browser(), "vehicle-tax", login, LEGACY_PASSWORD).status()).isEqualTo(429);
        assertThat(links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login))).isEmpty();
    }

    @Test
    void anOldSystemThatCannotBeReachedGetsAPlainPageAndIsCountedAndAudited() throws Exception {
        double before = counter("signet.migration.failures", "old-benefits", "reason", "unavailable");
        Instant since = Instant.now().minusSeconds(1);

        TestBrowser.Page page = oldAccountSignIn(browser(), "old-benefits", "someone", "any password at all");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sorry, we cannot check your old account right now")
                .contains("The Old benefits account system is not answering").contains("Sign in another way");
        assertThat(counter("signet.migration.failures", "old-benefits", "reason", "unavailable"))
                .isEqualTo(before + 1);
        assertThat(AuditEntries.awaitAnonymousSignInFailure(auditLog, since,
                Map.of("step", "legacy_password", "outcome", "unavailable", "connector", "old-benefits"))).isTrue();

        TestBrowser.Page welsh = oldAccountSignIn(browser().acceptLanguage("cy"), "old-benefits", "someone", "x");
        assertThat(welsh.body()).contains("ni allwn wirio eich hen gyfrif ar hyn o bryd");
    }

    // --- A new Signet account from the old one ---------------------------------------------------------------------

    @Test
    void aVouchedEmailMakesTheAccountInOneStepAndTheServiceGetsItsCodeThenTheOldSystemIsNotNeeded() throws Exception {
        String login = unique("vouched");
        String email = uniqueEmail("vouched");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        double linksBefore = counter("signet.migration.links", "vehicle-tax", "method", "new_account");
        double passwordsBefore = counter("signet.migration.passwords", "vehicle-tax", "kind", "carried_over");
        TestBrowser browser = browser();

        TestBrowser.Page start = browser.get(authorize(Map.of("vtr", "[\"Cl\"]")));
        assertThat(start.location()).endsWith("/sign-in");
        TestBrowser.Page afterSignIn = oldAccountSignIn(browser, "vehicle-tax", login.toUpperCase(), LEGACY_PASSWORD);

        assertThat(afterSignIn.location()).contains("/oauth2/authorize").contains("client_id=" + SecretClient.ID);
        var idToken = idToken(exchange(baseUrl(), code(browser.get(afterSignIn.location()))));
        assertThat(idToken.getStringClaim("vot")).isEqualTo("Cl");

        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.passwordHash()).hasValueSatisfying(hash -> assertThat(hash).startsWith("$argon2id$"));
        LinkedIdentity link = links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login)).orElseThrow();
        assertThat(link.accountId()).isEqualTo(account.id());
        assertThat(link.linkedBy()).isEqualTo(LinkMethod.NEW_ACCOUNT.value());
        assertThat(counter("signet.migration.links", "vehicle-tax", "method", "new_account"))
                .isEqualTo(linksBefore + 1);
        assertThat(counter("signet.migration.passwords", "vehicle-tax", "kind", "carried_over"))
                .isEqualTo(passwordsBefore + 1);
        EmailMessage confirmation = inbox().latestTo(email);
        assertThat(confirmation.subject()).isEqualTo("Your old account has been added to your account");
        assertThat(confirmation.body()).contains("Your Vehicle tax account is now part of your account");
        assertThat(AuditEntries.awaitTypes(auditLog, account.id(), 3)).containsExactly(
                AuditEventType.ACCOUNT_CREATED_BY_MIGRATION, AuditEventType.LEGACY_IDENTITY_LINKED,
                AuditEventType.SIGN_IN_SUCCEEDED);
        assertThat(AuditEntries.await(auditLog, account.id(), AuditEventType.LEGACY_IDENTITY_LINKED).event().details())
                .containsEntry("carried_over", "true").doesNotContainKey("reason");

        // The old record goes: the citizen signs in directly with their email and the password they always had.
        LegacyUserTables.deleteLegacyUser("vehicle_tax_users", login);
        TestBrowser later = browser();
        TestBrowser.Page direct = later.signIn(email, LEGACY_PASSWORD);
        assertThat(direct.status()).isEqualTo(302);
        assertThat(direct.location()).endsWith("/account");
    }

    @Test
    void anUnverifiedEmailIsUsedOnlyOnceProvenWithACode() throws Exception {
        String login = unique("unverified");
        String email = uniqueEmail("unverified");
        LegacyUserTables.legacyUser("council_tax_users", login, SHA512_CRYPT, email, false);
        TestBrowser browser = browser();

        TestBrowser.Page toEmail = oldAccountSignIn(browser, "council-tax", login, LEGACY_PASSWORD);
        assertThat(toEmail.location()).endsWith("/sign-in/old-account/email");
        TestBrowser.Page emailPage = browser.get(toEmail.location());
        assertThat(emailPage.body()).contains("Confirm your email address").contains("value=\"" + email + "\"");
        assertThat(accounts.findByEmail(email)).isEmpty();

        TestBrowser.Page checkEmail = browser.follow(browser.submit(emailPage, "/sign-in/old-account/email",
                Map.of("email", email)));
        assertThat(checkEmail.body()).contains("Check your email").contains("/sign-in/old-account/email/check-email")
                .contains("The code in the email expires after 10 minutes.");
        assertThat(inbox().latestTo(email).body()).as("the shipped signet.codes.time-to-live")
                .contains("The code expires after 10 minutes.");
        TestBrowser.Page wrong = browser.submit(checkEmail, "/sign-in/old-account/email/check-email",
                Map.of("code", "000000".equals(inbox().latestCodeTo(email)) ? "111111" : "000000"));
        assertThat(wrong.body()).contains("The code is not correct");
        assertThat(accounts.findByEmail(email)).isEmpty();

        TestBrowser.Page done = browser.submit(wrong, "/sign-in/old-account/email/check-email",
                Map.of("code", inbox().latestCodeTo(email)));
        assertThat(done.location()).endsWith("/account");
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(hasher.verify(LEGACY_PASSWORD, account.passwordHash().orElseThrow()))
                .isInstanceOf(PasswordCheck.Matches.class);
        assertThat(links.find("council-tax", login)).map(LinkedIdentity::accountId).contains(account.id());
    }

    @Test
    void anOldRecordWithoutAnEmailAsksForOneAndProvesIt() throws Exception {
        String login = unique("noemail");
        String email = uniqueEmail("typed");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, DJANGO_PBKDF2, null, false);
        TestBrowser browser = browser();

        TestBrowser.Page emailPage = browser.follow(oldAccountSignIn(browser, "vehicle-tax", login, LEGACY_PASSWORD));
        assertThat(emailPage.body()).contains("Confirm your email address");
        TestBrowser.Page checkEmail = browser.follow(browser.submit(emailPage, "/sign-in/old-account/email",
                Map.of("email", email)));
        TestBrowser.Page done = browser.submit(checkEmail, "/sign-in/old-account/email/check-email",
                Map.of("code", inbox().latestCodeTo(email)));

        assertThat(done.location()).endsWith("/account");
        assertThat(links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login)).map(LinkedIdentity::accountId))
                .contains(accounts.findByEmail(email).orElseThrow().id());
    }

    // --- The address already has a Signet account ------------------------------------------------------------------

    @Test
    void anExistingAccountIsNeverLinkedSilentlyItsPasswordProvesControlAndIsKept() throws Exception {
        String login = unique("existing");
        String email = uniqueEmail("existing");
        Account existing = existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, LDAP_SSHA, email.toUpperCase(), true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        TestBrowser browser = browser();

        TestBrowser.Page toExisting = oldAccountSignIn(browser, "vehicle-tax", login, LEGACY_PASSWORD);
        assertThat(toExisting.location()).endsWith("/sign-in/old-account/existing-account");
        TestBrowser.Page prove = browser.get(toExisting.location());
        assertThat(prove.body()).contains("You already have an account with this email address")
                .contains("Get a code by email instead");
        assertThat(links.find("vehicle-tax", subject)).isEmpty();

        TestBrowser.Page wrong = browser.submit(prove, "/sign-in/old-account/existing-account",
                Map.of("password", LEGACY_PASSWORD));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("The password is not correct");
        assertThat(links.find("vehicle-tax", subject)).isEmpty();

        TestBrowser.Page done = browser.submit(wrong, "/sign-in/old-account/existing-account",
                Map.of("password", "my own signet password"));
        assertThat(done.location()).endsWith("/account");
        LinkedIdentity link = links.find("vehicle-tax", subject).orElseThrow();
        assertThat(link.accountId()).isEqualTo(existing.id());
        assertThat(link.linkedBy()).isEqualTo("signet_password");
        assertThat(link.passwordFingerprint()).isEmpty();
        // The account keeps its own password: the old one is not carried over onto it.
        String hash = accounts.findById(existing.id()).orElseThrow().passwordHash().orElseThrow();
        assertThat(hasher.verify("my own signet password", hash)).isInstanceOf(PasswordCheck.Matches.class);
        assertThat(hasher.verify(LEGACY_PASSWORD, hash)).isNotInstanceOf(PasswordCheck.Matches.class);
        assertThat(inbox().latestTo(email).subject()).isEqualTo("Your old account has been added to your account");
    }

    @Test
    void anExistingAccountsControlCanBeProvenWithACodeThenTheCitizenConfirms() throws Exception {
        String login = unique("bycode");
        String email = uniqueEmail("bycode");
        Account existing = existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        String subject = LegacyUserTables.subjectOf("vehicle_tax_users", login);
        TestBrowser browser = browser();

        TestBrowser.Page prove = browser.follow(oldAccountSignIn(browser, "vehicle-tax", login, LEGACY_PASSWORD));
        TestBrowser.Page checkEmail = browser.follow(browser.submit(prove,
                "/sign-in/old-account/existing-account/send-code", Map.of()));
        assertThat(checkEmail.body()).contains("Check your email");
        TestBrowser.Page confirm = browser.follow(browser.submit(checkEmail, "/sign-in/old-account/email/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        // Proven, but still asked: nothing is linked without the citizen saying so.
        assertThat(confirm.body()).contains("Add it to my account");
        assertThat(links.find("vehicle-tax", subject)).isEmpty();

        TestBrowser.Page done = browser.submit(confirm, "/sign-in/old-account/existing-account/confirm", Map.of());
        assertThat(done.location()).endsWith("/account");
        LinkedIdentity link = links.find("vehicle-tax", subject).orElseThrow();
        assertThat(link.accountId()).isEqualTo(existing.id());
        assertThat(link.linkedBy()).isEqualTo("email_code");
    }

    @Test
    void confirmingWithoutAProvenCodeLinksNothing() throws Exception {
        String login = unique("noconfirm");
        String email = uniqueEmail("noconfirm");
        existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        TestBrowser browser = browser();

        TestBrowser.Page prove = browser.follow(oldAccountSignIn(browser, "vehicle-tax", login, LEGACY_PASSWORD));
        TestBrowser.Page refused = browser.submit(prove, "/sign-in/old-account/existing-account/confirm", Map.of());

        assertThat(refused.location()).endsWith("/sign-in/old-account/existing-account");
        assertThat(links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login))).isEmpty();
    }

    @Test
    void anOldAccountJoinedMeanwhileToThisAccountSignsInButToAnotherAccountChangesNothing() throws Exception {
        String email = uniqueEmail("race");
        Account existing = existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        String sameLogin = unique("race-same");
        String otherLogin = unique("race-other");
        LegacyUserTables.legacyUser("vehicle_tax_users", sameLogin, BCRYPT, email, true);
        LegacyUserTables.legacyUser("vehicle_tax_users", otherLogin, BCRYPT, email, true);

        TestBrowser same = browser();
        TestBrowser.Page sameProve = same.follow(oldAccountSignIn(same, "vehicle-tax", sameLogin, LEGACY_PASSWORD));
        links.link(LinkedIdentity.of(existing.id(), "vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users",
                sameLogin), Instant.now(), LinkMethod.EMAIL_CODE, Optional.empty()));
        TestBrowser.Page signedIn = same.submit(sameProve, "/sign-in/old-account/existing-account",
                Map.of("password", "my own signet password"));
        assertThat(signedIn.location()).endsWith("/account");

        TestBrowser other = browser();
        TestBrowser.Page otherProve = other.follow(oldAccountSignIn(other, "vehicle-tax", otherLogin,
                LEGACY_PASSWORD));
        String otherSubject = LegacyUserTables.subjectOf("vehicle_tax_users", otherLogin);
        Account someoneElse = existingAccount(uniqueEmail("someone-else"), "their password", AccountStatus.ACTIVE);
        links.link(LinkedIdentity.of(someoneElse.id(), "vehicle-tax", otherSubject, Instant.now(),
                LinkMethod.EMAIL_CODE, Optional.empty()));
        TestBrowser.Page refused = other.submit(otherProve, "/sign-in/old-account/existing-account",
                Map.of("password", "my own signet password"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("This old account is already part of another account");
        assertThat(links.find("vehicle-tax", otherSubject).map(LinkedIdentity::accountId)).contains(someoneElse.id());
        assertThat(links.findByAccount(existing.id())).hasSize(1);
    }

    // --- Already linked ---------------------------------------------------------------------------------------------

    @Test
    void aLinkedOldAccountSignsInAsItsSignetAccountAndAServiceAskingForClCmGetsTheSecondFactorJourney()
            throws Exception {
        String login = unique("linked");
        String email = uniqueEmail("linked");
        Account account = existingAccount(email, "my own signet password", AccountStatus.ACTIVE);
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, null, false);
        links.link(LinkedIdentity.of(account.id(), "vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login),
                Instant.now(), LinkMethod.SIGNET_PASSWORD, Optional.empty()));
        double signInsBefore = counter("signet.migration.sign_ins", "vehicle-tax", null, null);
        TestBrowser browser = browser();

        browser.get(authorize(Map.of()));
        TestBrowser.Page afterSignIn = oldAccountSignIn(browser, "vehicle-tax", login, LEGACY_PASSWORD);

        assertThat(afterSignIn.location()).contains("/oauth2/authorize");
        assertThat(browser.get(afterSignIn.location()).location()).endsWith("/sign-in/second-factor");
        assertThat(counter("signet.migration.sign_ins", "vehicle-tax", null, null)).isEqualTo(signInsBefore + 1);
        assertThat(links.findByAccount(account.id())).hasSize(1);
        assertThat(accounts.findByEmail(email)).map(Account::id).contains(account.id());
    }

    @Test
    void migrateOnSignInTakesThePasswordOnceSoALaterChangeInTheOldSystemIsNotCopied() throws Exception {
        String login = unique("once");
        String email = uniqueEmail("once");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, BCRYPT, email, true);
        oldAccountSignIn(browser(), "vehicle-tax", login, LEGACY_PASSWORD);
        UUID accountId = accounts.findByEmail(email).orElseThrow().id();

        LegacyUserTables.updateLegacyPassword("vehicle_tax_users", login, CHANGED_SHA512_CRYPT);
        TestBrowser.Page again = oldAccountSignIn(browser(), "vehicle-tax", login, CHANGED_PASSWORD);

        assertThat(again.location()).endsWith("/account");
        String hash = accounts.findById(accountId).orElseThrow().passwordHash().orElseThrow();
        assertThat(hasher.verify(LEGACY_PASSWORD, hash)).isInstanceOf(PasswordCheck.Matches.class);
        assertThat(hasher.verify(CHANGED_PASSWORD, hash)).isNotInstanceOf(PasswordCheck.Matches.class);
    }

    @Test
    void dualRunningKeepsTheCarriedOverPasswordInStepWithTheOldSystem() throws Exception {
        String login = unique("dual");
        String email = uniqueEmail("dual");
        LegacyUserTables.legacyUser("council_tax_users", login, BCRYPT, email, true);
        oldAccountSignIn(browser(), "council-tax", login, LEGACY_PASSWORD);
        UUID accountId = accounts.findByEmail(email).orElseThrow().id();
        double refreshedBefore = counter("signet.migration.passwords", "council-tax", "kind", "refreshed");

        // The department's old system is still in use, and the citizen changes their password there.
        LegacyUserTables.updateLegacyPassword("council_tax_users", login, CHANGED_SHA512_CRYPT);
        assertThat(oldAccountSignIn(browser(), "council-tax", login, LEGACY_PASSWORD).body())
                .contains("The user name or password is not correct");
        assertThat(oldAccountSignIn(browser(), "council-tax", login, CHANGED_PASSWORD).location()).endsWith("/account");

        assertThat(counter("signet.migration.passwords", "council-tax", "kind", "refreshed"))
                .isEqualTo(refreshedBefore + 1);
        String hash = accounts.findById(accountId).orElseThrow().passwordHash().orElseThrow();
        assertThat(hasher.verify(CHANGED_PASSWORD, hash)).isInstanceOf(PasswordCheck.Matches.class);
        assertThat(browser().signIn(email, CHANGED_PASSWORD).location()).endsWith("/account");

        // A password the citizen chose in Signet since is theirs: dual running no longer overwrites it.
        accounts.updatePasswordHash(accountId, hasher.hash("chosen in signet later"));
        oldAccountSignIn(browser(), "council-tax", login, CHANGED_PASSWORD);
        assertThat(hasher.verify("chosen in signet later",
                accounts.findById(accountId).orElseThrow().passwordHash().orElseThrow()))
                .isInstanceOf(PasswordCheck.Matches.class);
    }

    // --- An old password that does not meet Signet's rules ----------------------------------------------------------

    @Test
    void aCommonOldPasswordIsNotCarriedOverTheCitizenChoosesANewOneThenOnlyThatWorks() throws Exception {
        String login = unique("common");
        String email = uniqueEmail("common");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, COMMON_SHA512_CRYPT, email, true);
        double carriedBefore = counter("signet.migration.passwords", "vehicle-tax", "kind", "carried_over");
        double refusedBefore = counter("signet.migration.passwords", "vehicle-tax", "kind", "refused_by_policy");
        TestBrowser browser = browser();
        browser.get(authorize(Map.of("vtr", "[\"Cl\"]")));

        TestBrowser.Page afterSignIn = oldAccountSignIn(browser, "vehicle-tax", login, COMMON_PASSWORD);

        // Linked, with no password, and not signed in yet: the citizen is asked for a new password.
        assertThat(afterSignIn.location()).endsWith("/sign-in/old-account/new-password");
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.passwordHash()).isEmpty();
        assertThat(links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login)))
                .map(LinkedIdentity::accountId).contains(account.id());
        assertThat(counter("signet.migration.passwords", "vehicle-tax", "kind", "refused_by_policy"))
                .isEqualTo(refusedBefore + 1);
        assertThat(counter("signet.migration.passwords", "vehicle-tax", "kind", "carried_over"))
                .isEqualTo(carriedBefore);
        var linked = AuditEntries.await(auditLog, account.id(), AuditEventType.LEGACY_IDENTITY_LINKED);
        assertThat(linked.event().details()).containsEntry("carried_over", "false")
                .containsEntry("reason", "policy");

        TestBrowser.Page page = browser.get(afterSignIn.location());
        assertThat(page.body()).contains("Create your password")
                .contains("The password you used for your Vehicle tax account is too easy to guess or has appeared "
                        + "in a data breach, so you need to choose a new one for your account.");
        // The sign-up page's checks: the old password is no more acceptable typed here.
        TestBrowser.Page again = browser.submit(page, "/sign-in/old-account/new-password",
                Map.of("password", COMMON_PASSWORD, "confirmPassword", COMMON_PASSWORD));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Choose a password that is harder to guess");
        TestBrowser.Page chosen = browser.submit(again, "/sign-in/old-account/new-password",
                Map.of("password", "a much better passphrase", "confirmPassword", "a much better passphrase"));

        // Signed in, back to the service that asked.
        assertThat(chosen.location()).contains("/oauth2/authorize").contains("client_id=" + SecretClient.ID);
        assertThat(code(browser.get(chosen.location()))).isNotBlank();
        assertThat(browser().signIn(email, "a much better passphrase").location()).endsWith("/account");
        assertThat(browser().signIn(email, COMMON_PASSWORD).body())
                .contains("The email address or password is not correct");
    }

    @Test
    void theExplanationIsInWelshForAWelshBrowser() throws Exception {
        String login = unique("cymraeg");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, COMMON_SHA512_CRYPT, uniqueEmail("cymraeg"), true);
        TestBrowser browser = browser().acceptLanguage("cy");

        TestBrowser.Page afterSignIn = oldAccountSignIn(browser, "vehicle-tax", login, COMMON_PASSWORD);

        assertThat(browser.get(afterSignIn.location()).body()).contains("Mae&#39;r cyfrinair a ddefnyddioch ar gyfer "
                + "eich Cyfrif treth cerbyd yn rhy hawdd i&#39;w ddyfalu");
    }

    @Test
    void leavingWithoutANewPasswordLeavesAnAccountWithoutOneThatTheOldAccountOrAResetCanStillReach()
            throws Exception {
        String login = unique("abandon");
        String email = uniqueEmail("abandon");
        LegacyUserTables.legacyUser("vehicle_tax_users", login, COMMON_SHA512_CRYPT, email, true);
        TestBrowser left = browser();
        assertThat(oldAccountSignIn(left, "vehicle-tax", login, COMMON_PASSWORD).location())
                .endsWith("/sign-in/old-account/new-password");
        UUID accountId = accounts.findByEmail(email).orElseThrow().id();
        // Not signed in: the account pages still ask for a sign-in.
        assertThat(left.get("/account").location()).endsWith("/sign-in");

        // The old account again: linked already, and still no password, so the same question, never a sign-in.
        TestBrowser.Page again = oldAccountSignIn(browser(), "vehicle-tax", login, COMMON_PASSWORD);
        assertThat(again.location()).endsWith("/sign-in/old-account/new-password");
        assertThat(links.find("vehicle-tax", LegacyUserTables.subjectOf("vehicle_tax_users", login)))
                .map(LinkedIdentity::accountId).contains(accountId);

        // "Forgotten your password?" sets one with a code sent to the account's address.
        TestBrowser browser = browser();
        TestBrowser.Page checkEmail = browser.follow(browser.submit(browser.get("/reset-password"),
                "/reset-password", Map.of("email", email)));
        TestBrowser.Page newPasswordPage = browser.follow(browser.submit(checkEmail, "/reset-password/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        browser.submit(newPasswordPage, "/reset-password/new-password",
                Map.of("password", "reset after leaving", "confirmPassword", "reset after leaving"));
        assertThat(browser().signIn(email, "reset after leaving").location()).endsWith("/account");
        // With a password now, the old account signs in as it without asking again.
        assertThat(oldAccountSignIn(browser(), "vehicle-tax", login, COMMON_PASSWORD).location())
                .endsWith("/account");
    }

    @Test
    void dualRunningDoesNotReplaceTheSignetPasswordWithAWeakOneChosenInTheOldSystem() throws Exception {
        String login = unique("dualweak");
        String email = uniqueEmail("dualweak");
        LegacyUserTables.legacyUser("council_tax_users", login, BCRYPT, email, true);
        oldAccountSignIn(browser(), "council-tax", login, LEGACY_PASSWORD);
        UUID accountId = accounts.findByEmail(email).orElseThrow().id();
        double refusedBefore = counter("signet.migration.passwords", "council-tax", "kind", "refused_by_policy");
        double refreshedBefore = counter("signet.migration.passwords", "council-tax", "kind", "refreshed");

        LegacyUserTables.updateLegacyPassword("council_tax_users", login, COMMON_CHANGED_SHA512_CRYPT);
        // The old system is in charge, so its password still signs in; Signet keeps the one it holds.
        assertThat(oldAccountSignIn(browser(), "council-tax", login, COMMON_CHANGED_PASSWORD).location())
                .endsWith("/account");

        String hash = accounts.findById(accountId).orElseThrow().passwordHash().orElseThrow();
        assertThat(hasher.verify(LEGACY_PASSWORD, hash)).isInstanceOf(PasswordCheck.Matches.class);
        assertThat(hasher.verify(COMMON_CHANGED_PASSWORD, hash)).isNotInstanceOf(PasswordCheck.Matches.class);
        assertThat(counter("signet.migration.passwords", "council-tax", "kind", "refused_by_policy"))
                .isEqualTo(refusedBefore + 1);
        assertThat(counter("signet.migration.passwords", "council-tax", "kind", "refreshed"))
                .isEqualTo(refreshedBefore);
        assertThat(browser().signIn(email, COMMON_CHANGED_PASSWORD).body())
                .contains("The email address or password is not correct");
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    /** Chooses the old system, then sends its login name and password; returns the response to that form. */
    private TestBrowser.Page oldAccountSignIn(TestBrowser browser, String connectorId, String login, String password)
            throws Exception {
        return browser.signInWithOldAccount(connectorId, login, password);
    }

    private static String authorize(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SecretClient.ID);
        parameters.put("redirect_uri", SecretClient.CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.putAll(extra);
        return "/oauth2/authorize?" + form(parameters);
    }

    private double counter(String name, String connector, String tag, String value) {
        var search = meters.find(name).tag("connector", connector);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
