package dev.signet.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.inmemory.InMemoryAttemptCounter;
import dev.signet.core.replay.MutableClock;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The attack every public sign-in page meets, in a real headless Chromium: someone who knows an email address types
 * wrong password after wrong password. They meet the growing waits, then the plain-language lockout page; the owner is
 * emailed; every page on the way passes axe-core. The policy is ProtectionIT's (2 free attempts, waits of 2 s and 4 s,
 * locked at the 5th attempt), counted on a clock the test moves when a page says to wait, so nothing sleeps.
 */
@TestPropertySource(properties = {
    "signet.protection.sign-in.account.free-attempts=2",
    "signet.protection.sign-in.account.first-delay=2s",
    "signet.protection.sign-in.account.max-delay=4s",
    "signet.protection.sign-in.account.lockout-after=5"})
class LockoutInABrowserIT extends BrowserIntegrationTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final Pattern WAIT = Pattern.compile("Wait (\\d+) seconds? and try again");
    private static final String PASSWORD = "the owner's own password";

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        AttemptCounter attemptCounterOnAMovableClock() {
            return new InMemoryAttemptCounter(CLOCK);
        }
    }

    @Test
    void repeatedWrongPasswordsEndOnTheLockoutPageAndTheOwnerIsEmailed() throws Exception {
        String email = uniqueEmail("browser-attacked");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        Citizen attacker = citizen();
        attacker.visit("/sign-in").fillIn("Email address", email).press("Continue");

        int wrongPasswords = 0;
        int waits = 0;
        // Bounded: the policy locks at the 5th attempt; a page that never locks fails the test instead of looping.
        while (!attacker.heading().equals("You cannot sign in at the moment") && wrongPasswords + waits < 12) {
            attacker.fillIn("Password", "guess number " + wrongPasswords).press("Continue");
            Matcher wait = WAIT.matcher(attacker.text());
            if (wait.find()) {
                waits++;
                CLOCK.advance(Duration.ofSeconds(Long.parseLong(wait.group(1))));
            } else {
                wrongPasswords++;
            }
        }

        assertThat(attacker.heading()).isEqualTo("You cannot sign in at the moment");
        assertThat(wrongPasswords).as("passwords actually checked").isEqualTo(5);
        assertThat(waits).as("times told to wait").isGreaterThanOrEqualTo(1);
        assertThat(attacker.text()).contains("The wrong password was entered too many times")
                .contains("You can try again in 15 minutes").contains("Reset your password");
        EmailMessage toOwner = inbox().latestTo(email);
        assertThat(toOwner.subject()).isEqualTo("Signing in to your account is paused");
        assertThat(toOwner.body()).contains("15 minutes").contains("someone may be trying to get into your account");

        // Locked means locked: the right password is not even checked now.
        attacker.visit("/sign-in").fillIn("Email address", email).press("Continue");
        attacker.fillIn("Password", PASSWORD).press("Continue");
        assertThat(attacker.heading()).isEqualTo("You cannot sign in at the moment");
        assertThat(attacker.pagesChecked()).contains(
                "/sign-in/password (You cannot sign in at the moment – Sign in to public services)");
    }
}
