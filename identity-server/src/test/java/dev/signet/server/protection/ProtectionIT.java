package dev.signet.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.notify.EmailMessage;
import dev.signet.server.testing.Inbox;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.util.Map;
import java.util.UUID;
import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.inmemory.InMemoryAttemptCounter;
import dev.signet.core.replay.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Attempt limits over HTTP, as a citizen (or an attacker) meets them. Policies here are smaller than the shipped ones:
 * sign-in allows 2 free attempts, then waits of 2 s and 4 s, and locks the email address at the 5th attempt. Attempts
 * are counted by the real in-memory counter on a clock the test moves, so waits pass without sleeping and what the
 * pages say does not depend on how fast the machine is.
 */
@TestPropertySource(properties = {
    "signet.protection.sign-in.account.free-attempts=2",
    "signet.protection.sign-in.account.first-delay=2s",
    "signet.protection.sign-in.account.max-delay=4s",
    "signet.protection.sign-in.account.lockout-after=5",
    "signet.protection.code-entry.account.free-attempts=2",
    "signet.protection.code-entry.account.first-delay=2s",
    "signet.protection.code-entry.account.max-delay=4s",
    "signet.protection.code-entry.account.lockout-after=0",
    "signet.protection.code-sending.account.free-attempts=2",
    "signet.protection.code-sending.account.first-delay=60s",
    "signet.protection.code-sending.account.max-delay=120s",
    "signet.protection.code-sending.account.lockout-after=0"})
class ProtectionIT extends JourneyIntegrationTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        AttemptCounter attemptCounterOnAMovableClock() {
            return new InMemoryAttemptCounter(CLOCK);
        }
    }

    private static final String PASSWORD = "the right password";

    @Test
    void wrongPasswordsMeetGrowingDelaysThenALockoutAndTheOwnerIsEmailedAndAnUnknownEmailGetsTheSame()
            throws Exception {
        String known = uniqueEmail("attacked");
        existingAccount(known, PASSWORD, AccountStatus.ACTIVE);
        String unknown = uniqueEmail("nobody");
        Journey owner = new Journey(browser(), known);
        Journey nobody = new Journey(browser(), unknown);

        for (int attempt = 1; attempt <= 3; attempt++) {
            owner.tryPassword("wrong " + attempt);
            nobody.tryPassword("wrong " + attempt);
            assertThat(owner.page.status()).isEqualTo(200);
            assertThat(owner.page.body()).contains("The email address or password is not correct");
            owner.assertSameAs(nobody);
        }
        owner.tryPassword(PASSWORD);
        nobody.tryPassword(PASSWORD);
        assertThat(owner.page.status()).as("too soon: the right password is not even checked").isEqualTo(429);
        assertThat(owner.page.body()).contains("You have tried to sign in too many times. Wait 2 seconds and try again.");
        owner.assertSameAs(nobody);

        CLOCK.advance(Duration.ofSeconds(2));
        owner.tryPassword("wrong 4");
        nobody.tryPassword("wrong 4");
        assertThat(owner.page.status()).isEqualTo(200);
        owner.tryPassword("wrong 5");
        nobody.tryPassword("wrong 5");
        assertThat(owner.page.status()).isEqualTo(429);
        assertThat(owner.page.body()).as("the delay grows").contains("Wait 4 seconds");
        owner.assertSameAs(nobody);

        CLOCK.advance(Duration.ofSeconds(4));
        owner.tryPassword("wrong 5");
        nobody.tryPassword("wrong 5");
        assertThat(owner.page.status()).isEqualTo(429);
        assertThat(owner.page.body()).contains("You cannot sign in at the moment")
                .contains("You can try again in 15 minutes")
                .contains("If there is an account with this email address, we have sent an email to it");
        owner.assertSameAs(nobody);

        EmailMessage notice = inbox().latestTo(known);
        assertThat(notice.subject()).isEqualTo("Signing in to your account is paused");
        assertThat(notice.body()).contains("paused for 15 minutes").doesNotContain("wrong 5");

        owner.tryPassword(PASSWORD);
        nobody.tryPassword(PASSWORD);
        assertThat(owner.page.body()).as("locked: even the right password").contains("You cannot sign in at the moment");
        owner.assertSameAs(nobody);
        assertThat(inbox().messagesTo(known)).as("one email per lockout").hasSize(1);
        assertThat(inbox().messagesTo(unknown)).isEmpty();
    }

    @Test
    void resettingThePasswordEndsTheLockout() throws Exception {
        String email = uniqueEmail("locked-then-reset");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Journey journey = new Journey(browser(), email);
        journey.tryPassword("wrong 1");
        journey.tryPassword("wrong 2");
        journey.tryPassword("wrong 3");
        CLOCK.advance(Duration.ofSeconds(2));
        journey.tryPassword("wrong 4");
        CLOCK.advance(Duration.ofSeconds(4));
        journey.tryPassword("wrong 5");
        assertThat(journey.page.body()).contains("You cannot sign in at the moment");
        assertThat(journey.page.body()).contains("href=\"/reset-password\"");
        inbox().latestTo(email);

        TestBrowser browser = browser();
        TestBrowser.Page checkEmail = browser.follow(browser.submit(browser.get("/reset-password"), "/reset-password",
                Map.of("email", email)));
        TestBrowser.Page newPassword = browser.follow(browser.submit(checkEmail, "/reset-password/check-email",
                Map.of("code", inbox().codeTo(email, 2))));
        browser.submit(newPassword, "/reset-password/new-password",
                Map.of("password", "a brand new password", "confirmPassword", "a brand new password"));

        assertThat(signIn(browser(), email, "a brand new password").location()).endsWith("/account");
    }

    @Test
    void wrongCodesMeetADelayInEnglishAndWelsh() throws Exception {
        String email = uniqueEmail("codeguess");
        TestBrowser browser = browser().acceptLanguage("cy");
        TestBrowser.Page page = browser.follow(browser.submit(browser.get("/sign-up"), "/sign-up",
                Map.of("email", email)));
        String code = inbox().latestCodeTo(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 3; attempt++) {
            page = browser.submit(page, "/sign-up/check-email", Map.of("code", wrong));
            assertThat(page.status()).isEqualTo(200);
        }

        TestBrowser.Page tooSoon = browser.submit(page, "/sign-up/check-email", Map.of("code", code));

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.body()).contains("Rydych wedi rhoi gormod o godau anghywir. Arhoswch 2 eiliad")
                .contains("href=\"#code\"");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(browser.submit(tooSoon, "/sign-up/check-email", Map.of("code", code)).location())
                .as("after the wait the right code still works").endsWith("/sign-up/password");
    }

    @Test
    void wrongCurrentPasswordsOnTheAccountPagesMeetTheSignInDelay() throws Exception {
        String email = uniqueEmail("leftopen");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        TestBrowser.Page page = browser.get("/account/change-password");
        Map<String, String> guess = Map.of("currentPassword", "a guess", "password", "a new long passphrase",
                "confirmPassword", "a new long passphrase");
        for (int attempt = 1; attempt <= 3; attempt++) {
            page = browser.submit(page, "/account/change-password", guess);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("The password is not correct");
        }

        TestBrowser.Page tooSoon = browser.submit(page, "/account/change-password", guess);

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.body()).contains("You have entered a wrong password too many times. Wait 2 seconds");
    }

    @Test
    void wrongSecondFactorCodesMeetADelay() throws Exception {
        String email = uniqueEmail("mfaguess");
        existingAccount(email, "second factor guessing test", AccountStatus.ACTIVE);
        String service = "/oauth2/authorize?response_type=code&client_id=test-secret&scope=openid"
                + "&redirect_uri=https%3A%2F%2Fsecret.test.example%2Fcallback&state=s&nonce=" + UUID.randomUUID();
        TestBrowser setUpBrowser = browser();
        setUpBrowser.get(service);
        TestBrowser.Page setUp = setUpBrowser.follow(setUpBrowser.get(
                setUpBrowser.signIn(email, "second factor guessing test").location()));
        TestBrowser.Page check = setUpBrowser.follow(setUpBrowser.submit(setUp, "/sign-in/second-factor/set-up",
                Map.of("method", "EMAIL")));
        setUpBrowser.submit(check, "/sign-in/second-factor/set-up/code",
                Map.of("code", inbox().latestCodeTo(email)));

        TestBrowser browser = browser();
        browser.get(service);
        TestBrowser.Page choose = browser.follow(browser.get(
                browser.signIn(email, "second factor guessing test").location()));
        TestBrowser.Page page = browser.follow(browser.submit(choose, "/sign-in/second-factor",
                Map.of("method", "EMAIL")));
        String code = Inbox.codeIn(inbox().latestTo(email, 2));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 3; attempt++) {
            page = browser.submit(page, "/sign-in/second-factor/code", Map.of("code", wrong));
            assertThat(page.status()).isEqualTo(200);
        }

        TestBrowser.Page tooSoon = browser.submit(page, "/sign-in/second-factor/code", Map.of("code", code));

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.body()).contains("href=\"#code\"");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(browser.submit(tooSoon, "/sign-in/second-factor/code", Map.of("code", code)).location())
                .as("after the wait the right code still works").contains("/oauth2/authorize");
    }

    @Test
    void askingForCodesAgainAndAgainIsDelayedWhetherOrNotTheAddressHasAnAccount() throws Exception {
        String fresh = uniqueEmail("resender");
        TestBrowser browser = browser();
        browser.submit(browser.get("/sign-up"), "/sign-up", Map.of("email", fresh));
        for (int resend = 1; resend <= 2; resend++) {
            TestBrowser.Page resendPage = browser.get("/sign-up/resend-code");
            assertThat(browser.submit(resendPage, "/sign-up/resend-code", Map.of()).status()).isEqualTo(302);
        }

        TestBrowser.Page refused = browser.submit(browser.get("/sign-up/resend-code"), "/sign-up/resend-code",
                Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("You have asked for too many codes. Wait 60 seconds");
        assertThat(inbox().awaitMessages(fresh, 3)).hasSize(3);

        String existing = uniqueEmail("reset-resender");
        existingAccount(existing, PASSWORD, AccountStatus.ACTIVE);
        String unknown = uniqueEmail("reset-nobody");
        TestBrowser.Page existingAnswer = null;
        TestBrowser.Page unknownAnswer = null;
        for (int request = 1; request <= 4; request++) {
            TestBrowser resetter = browser();
            existingAnswer = resetter.submit(resetter.get("/reset-password"), "/reset-password",
                    Map.of("email", existing));
            TestBrowser other = browser();
            unknownAnswer = other.submit(other.get("/reset-password"), "/reset-password", Map.of("email", unknown));
        }
        assertThat(existingAnswer.status()).isEqualTo(unknownAnswer.status()).isEqualTo(429);
        assertThat(existingAnswer.bodyWithoutCsrfToken().replace(existing, "EMAIL"))
                .isEqualTo(unknownAnswer.bodyWithoutCsrfToken().replace(unknown, "EMAIL"))
                .contains("You have asked for too many codes");
        assertThat(inbox().awaitMessages(existing, 3)).hasSize(3);
    }

    /** One browser signing in with one email address, always on the password page. */
    private final class Journey {

        private final TestBrowser browser;
        private final String email;
        private TestBrowser.Page page;

        Journey(TestBrowser browser, String email) {
            this.browser = browser;
            this.email = email;
        }

        void tryPassword(String password) throws Exception {
            if (page == null) {
                page = browser.signIn(email, password);
                return;
            }
            TestBrowser.Page form = page.body().contains("name=\"_csrf\"") ? page : browser.get("/sign-in/password");
            page = browser.submit(form, "/sign-in/password", Map.of("password", password));
        }

        void assertSameAs(Journey other) {
            assertThat(page.status()).isEqualTo(other.page.status());
            assertThat(page.bodyWithoutCsrfToken().replace(email, "EMAIL"))
                    .isEqualTo(other.page.bodyWithoutCsrfToken().replace(other.email, "EMAIL"));
        }
    }
}
