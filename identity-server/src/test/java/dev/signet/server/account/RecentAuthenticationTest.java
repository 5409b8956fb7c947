package dev.signet.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

class RecentAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String PAGE = "/account/second-factors/add";

    private final UUID accountId = UUID.randomUUID();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", PAGE + "/app");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aSignInOfAFewMinutesAgoIsRecentEnough() {
        RecentAuthentication recent = recent(0);

        assertThat(recent.firstGoTo(citizen(NOW.minus(RecentAuthentication.RECENT), CredentialTrustLevel.MEDIUM),
                PAGE, request, response)).isEmpty();
    }

    @Test
    void anOlderSignInAsksForThePasswordAndThenReturnsToThePage() {
        RecentAuthentication recent = recent(0);
        CitizenAuthentication citizen = citizen(NOW.minus(RecentAuthentication.RECENT).minusSeconds(1),
                CredentialTrustLevel.MEDIUM);

        assertThat(recent.firstGoTo(citizen, PAGE, request, response)).contains(RecentAuthentication.CONFIRM_PAGE);
        assertThat(recent.confirmed(request, citizen)).isEqualTo(PAGE);
        assertThat(recent.firstGoTo(citizen, PAGE, request, response)).isEmpty();
    }

    @Test
    void aTypedPasswordStopsCountingAfterAFewMinutes() {
        CitizenAuthentication citizen = citizen(NOW.minusSeconds(3600), CredentialTrustLevel.MEDIUM);
        recent(0).confirmed(request, citizen);

        assertThat(recent(RecentAuthentication.RECENT.toSeconds() + 1).firstGoTo(citizen, PAGE, request, response))
                .contains(RecentAuthentication.CONFIRM_PAGE);
    }

    @Test
    void anotherAccountsTypedPasswordDoesNotCount() {
        RecentAuthentication recent = recent(0);
        recent.confirmed(request, citizen(NOW, CredentialTrustLevel.MEDIUM));
        CitizenAuthentication someoneElse = new CitizenAuthentication(UUID.randomUUID(), NOW.minusSeconds(3600),
                CredentialTrustLevel.MEDIUM);

        assertThat(recent.firstGoTo(someoneElse, PAGE, request, response))
                .contains(RecentAuthentication.CONFIRM_PAGE);
    }

    @Test
    void aPasswordSessionOfAnAccountWithAStrongFactorStepsUpFirstAndComesBackToThePage() {
        RecentAuthentication recent = new RecentAuthentication(account -> 1, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(recent.firstGoTo(citizen(NOW, CredentialTrustLevel.LOW), PAGE, request, response))
                .contains("/sign-in/second-factor");
        String saved = new HttpSessionRequestCache().getRequest(request, response).getRedirectUrl();
        assertThat(saved).startsWith("http://localhost" + PAGE);
    }

    @Test
    void aPasswordSessionOfAnAccountWithoutAStrongFactorNeedsNoStepUp() {
        assertThat(recent(0).firstGoTo(citizen(NOW, CredentialTrustLevel.LOW), PAGE, request, response)).isEmpty();
    }

    @Test
    void onlyAnAccountPageIsReturnedTo() {
        RecentAuthentication recent = recent(0);
        CitizenAuthentication citizen = citizen(NOW.minusSeconds(3600), CredentialTrustLevel.MEDIUM);
        recent.firstGoTo(citizen, "https://evil.example/", request, response);

        assertThat(recent.confirmed(request, citizen)).isEqualTo("/account");
    }

    private RecentAuthentication recent(long secondsLater) {
        return new RecentAuthentication(account -> 0, Clock.fixed(NOW.plusSeconds(secondsLater), ZoneOffset.UTC));
    }

    private CitizenAuthentication citizen(Instant authTime, CredentialTrustLevel level) {
        return new CitizenAuthentication(accountId, authTime, level);
    }
}
