package dev.signet.server.oidc.trust;

import dev.signet.server.signin.CitizenAuthentication;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Decides whether the citizen's current sign-in answers an authentication request. Times are compared in whole
 * seconds, the precision of {@code auth_time} and {@code max_age}.
 *
 * <p>{@code prompt=login} and {@code max_age} would loop for ever if the request that comes back after the new
 * sign-in were judged like the first one (with {@code max_age=0} any sign-in is already too old). So when Signet sends
 * a citizen to sign in again it remembers when it asked, for that request only; a sign-in made at or after that moment
 * answers it.
 *
 * <p>A sign-in that is fresh enough but weaker than the request's vector of trust is stepped up: the citizen keeps
 * their session and is asked for a second factor only.
 */
final class FreshnessPolicy {

    private FreshnessPolicy() {
    }

    /**
     * @param request                 what the request asks for
     * @param current                 who is signed in, if anyone
     * @param signInAgainAskedAt      when Signet last sent the citizen to sign in again for this very request
     * @param now                     the current time
     */
    static FreshnessDecision decide(FreshnessRequest request, Optional<CitizenAuthentication> current,
            Optional<Instant> signInAgainAskedAt, Instant now) {
        if (current.isEmpty()) {
            return request.promptNone() ? new FreshnessDecision.LoginRequired() : new FreshnessDecision.Proceed();
        }
        CitizenAuthentication citizen = current.get();
        long authTime = seconds(citizen.authTime());
        boolean signedInAgain = signInAgainAskedAt.map(asked -> authTime >= seconds(asked)).orElse(false);
        boolean tooOld = request.maxAge().map(maxAge -> seconds(now) - authTime > maxAge.toSeconds()).orElse(false);
        boolean tooWeak = request.requiredTrust().map(required -> !citizen.trustLevel().satisfies(required))
                .orElse(false);
        boolean stale = !signedInAgain && (request.promptLogin() || tooOld);
        if (!stale && !tooWeak) {
            return new FreshnessDecision.Proceed();
        }
        if (request.promptNone()) {
            return new FreshnessDecision.LoginRequired();
        }
        // A stale sign-in starts again from the password (then steps up if still too weak); a fresh but weak one
        // only needs the second factor.
        return stale ? new FreshnessDecision.SignInAgain() : new FreshnessDecision.StepUp();
    }

    private static long seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
    }
}
