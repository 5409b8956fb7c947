package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.sessions.SessionCookie;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class SignInIT extends JourneyIntegrationTest {

    private static final String SESSION_COOKIE = SessionCookie.forIssuer(URI.create("http://localhost")).name();

    @Autowired
    private MeterRegistry meters;

    @Test
    void signInWithTheRightPasswordLandsOnTheAccountPageWithANewSessionId() throws Exception {
        String email = uniqueEmail("right");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        browser.get("/sign-in");
        String sessionBefore = browser.cookie(SESSION_COOKIE).orElseThrow();
        double successesBefore = meters.counter("signet.signin", "outcome", "success").count();

        TestBrowser.Page response = signIn(browser, email, "correct horse battery");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/account");
        assertThat(browser.cookie(SESSION_COOKIE)).isPresent().get().isNotEqualTo(sessionBefore);
        TestBrowser.Page account = browser.follow(response);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("Your account").contains(email).contains("action=\"/sign-out\"")
                .contains("name=\"_csrf\"");
        assertThat(meters.counter("signet.signin", "outcome", "success").count()).isEqualTo(successesBefore + 1);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameResponse() throws Exception {
        String known = uniqueEmail("known");
        String unknown = uniqueEmail("nobody").replace("nobody", "nobod"); // same length as "known"
        existingAccount(known, "correct horse battery", AccountStatus.ACTIVE);

        TestBrowser.Page wrongPassword = signIn(browser(), known, "not the password");
        TestBrowser.Page unknownEmail = signIn(browser(), unknown, "not the password");

        assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status()).isEqualTo(200);
        assertThat(wrongPassword.body()).contains("Error: Enter your password")
                .contains("The email address or password is not correct")
                .contains("href=\"#password\"").contains("govuk-error-message");
        assertThat(wrongPassword.bodyWithoutCsrfToken().replace(known, "EMAIL"))
                .isEqualTo(unknownEmail.bodyWithoutCsrfToken().replace(unknown, "EMAIL"));
    }

    @Test
    void signInPagesOfferAccountCreationAndPasswordReset() throws Exception {
        TestBrowser.Page page = browser().get("/sign-in");

        assertThat(page.body()).contains("href=\"/sign-up\"").contains("Create an account")
                .contains("href=\"/reset-password\"").contains("Forgotten your password?")
                .contains("autocomplete=\"email\"").contains("<label class=\"govuk-label govuk-label--s\" for=\"email\"");
    }

    @Test
    void emailInAWrongFormatIsShownNextToTheField() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page page = browser.get("/sign-in");

        TestBrowser.Page response = browser.submit(page, "/sign-in", Map.of("email", "not-an-email"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Error: Sign in")
                .contains("Enter an email address in the correct format")
                .contains("aria-describedby=\"email-error\"").contains("value=\"not-an-email\"");
    }

    @Test
    void signInReturnsToThePageThatAskedForIt() throws Exception {
        String email = uniqueEmail("saved");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        TestBrowser browser = browser();

        TestBrowser.Page protectedPage = browser.get("/account?from=test");
        assertThat(protectedPage.location()).endsWith("/sign-in");
        TestBrowser.Page response = signIn(browser, email, "correct horse battery");

        assertThat(response.location()).contains("/account?from=test");
    }

    @Test
    void aSuspendedAccountGetsAPlainPageAfterTheRightPassword() throws Exception {
        String email = uniqueEmail("suspended");
        existingAccount(email, "correct horse battery", AccountStatus.SUSPENDED);
        TestBrowser browser = browser();

        TestBrowser.Page response = signIn(browser, email, "correct horse battery");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("You cannot sign in to your account at the moment")
                .contains("suspended");
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void aBlockedAccountWithAWrongPasswordLooksLikeAnyWrongPassword() throws Exception {
        String email = uniqueEmail("blocked");
        existingAccount(email, "correct horse battery", AccountStatus.BLOCKED);

        TestBrowser.Page response = signIn(browser(), email, "wrong password here");

        assertThat(response.body()).contains("The email address or password is not correct")
                .doesNotContain("has been blocked");
    }

    @Test
    void aHashWithOlderParametersIsReplacedOnSignIn() throws Exception {
        String email = uniqueEmail("rehash");
        String oldHash = new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 1).encode("correct horse battery");
        Instant now = Instant.now();
        Account account = accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(oldHash),
                AccountStatus.ACTIVE, now, now));

        TestBrowser.Page response = signIn(browser(), email, "correct horse battery");

        assertThat(response.location()).endsWith("/account");
        String newHash = accounts.findById(account.id()).orElseThrow().passwordHash().orElseThrow();
        assertThat(newHash).isNotEqualTo(oldHash).startsWith("$argon2id$").contains("t=2");
    }

    @Test
    void passwordPageWithoutAnEmailFirstSaysTheSessionTimedOut() throws Exception {
        TestBrowser.Page page = browser().get("/sign-in/password");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your session has timed out").contains("href=\"/sign-in\"");
    }

    @Test
    void aFormSentAfterTheSessionExpiredSaysTheSessionTimedOut() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page page = browser.get("/sign-in");
        browser.clearCookies();

        TestBrowser.Page response = browser.submit(page, "/sign-in", Map.of("email", "someone@example.com"));

        assertThat(response.status()).isEqualTo(302);
        TestBrowser.Page timedOut = browser.follow(response);
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.body()).contains("Your session has timed out").contains("Start again");
    }

    @Test
    void pagesAndErrorsAreInWelshWhenAsked() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page page = browser.get("/sign-in?lang=cy");

        assertThat(page.body()).contains("lang=\"cy\"").contains("Mewngofnodi").contains("Creu cyfrif")
                .contains("Wedi anghofio eich cyfrinair?");
        TestBrowser.Page error = browser.submit(page, "/sign-in", Map.of("email", ""));
        assertThat(error.body()).contains("<title>Gwall: Mewngofnodi").contains("Rhowch eich cyfeiriad e-bost")
                .contains("Mae problem wedi codi");
    }
}
