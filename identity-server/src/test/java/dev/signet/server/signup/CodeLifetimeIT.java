package dev.signet.server.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.inmemory.InMemoryOneTimeCodeStore;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.replay.MutableClock;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Emailed codes live exactly {@code signet.codes.time-to-live} (here 7 minutes, so nothing is left to a hard-coded
 * default), and the emails and pages say so, in English and Welsh. The codes are kept on a clock the test moves.
 */
@TestPropertySource(properties = "signet.codes.time-to-live=7m")
class CodeLifetimeIT extends JourneyIntegrationTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        OneTimeCodeStore codesOnAMovableClock() {
            return new InMemoryOneTimeCodeStore(CodeDigester.withRandomKey(), 5, CLOCK);
        }
    }

    @Test
    void aSignUpCodeIsAcceptedJustBeforeTheConfiguredLifetimeAndRefusedOnceItHasPassed() throws Exception {
        String inTime = uniqueEmail("in-time");
        TestBrowser browser = browser();
        TestBrowser.Page checkEmail = startSignUp(browser, inTime, "");
        CLOCK.advance(Duration.ofMinutes(7).minusSeconds(1));
        TestBrowser.Page accepted = browser.submit(checkEmail, "/sign-up/check-email",
                Map.of("code", inbox().latestCodeTo(inTime)));
        assertThat(accepted.location()).endsWith("/sign-up/password");

        String tooLate = uniqueEmail("too-late");
        TestBrowser late = browser();
        TestBrowser.Page lateCheckEmail = startSignUp(late, tooLate, "");
        CLOCK.advance(Duration.ofMinutes(7));
        TestBrowser.Page refused = late.submit(lateCheckEmail, "/sign-up/check-email",
                Map.of("code", inbox().latestCodeTo(tooLate)));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("The code has expired or has already been used");
    }

    @Test
    void theEmailsAndThePageNameTheConfiguredMinutes() throws Exception {
        String email = uniqueEmail("minutes");
        TestBrowser.Page checkEmail = startSignUp(browser(), email, "");
        assertThat(checkEmail.body()).contains("The code in the email expires after 7 minutes.");
        assertThat(inbox().latestTo(email).body()).contains("The code expires after 7 minutes.")
                .doesNotContain("15 minutes");

        String cymraeg = uniqueEmail("munudau");
        TestBrowser.Page welshPage = startSignUp(browser(), cymraeg, "?lang=cy");
        assertThat(welshPage.body()).contains("Bydd y cod yn yr e-bost yn dod i ben ar ôl 7 munud.");
        assertThat(inbox().latestTo(cymraeg).body()).contains("Bydd y cod yn dod i ben ar ôl 7 munud.");

        String owner = uniqueEmail("reset");
        existingAccount(owner, "correct horse battery", AccountStatus.ACTIVE);
        TestBrowser reset = browser();
        TestBrowser.Page resetPage = reset.follow(reset.submit(reset.get("/reset-password"), "/reset-password",
                Map.of("email", owner)));
        assertThat(resetPage.body()).contains("The code in the email expires after 7 minutes.");
        EmailMessage resetCode = inbox().latestTo(owner);
        assertThat(resetCode.body()).contains("The code expires after 7 minutes.");
    }

    private static TestBrowser.Page startSignUp(TestBrowser browser, String email, String query) throws Exception {
        TestBrowser.Page page = browser.get("/sign-up" + query);
        TestBrowser.Page response = browser.submit(page, "/sign-up", Map.of("email", email));
        assertThat(response.location()).endsWith("/sign-up/check-email");
        return browser.follow(response);
    }
}
