package dev.signet.server.interventions;

import dev.signet.core.logout.LogoutNotice;
import dev.signet.server.logout.BackChannelLogoutPlanner;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Ends everything an account has signed in to, everywhere, in this order:
 * <ol>
 * <li>every relying party that holds a session of the citizen and registered a back-channel logout URI is queued a
 * logout token (delivered by the logout worker, with retries);</li>
 * <li>every token family of the account is revoked: refresh tokens stop working and access tokens introspect as
 * inactive;</li>
 * <li>the citizen's Signet sessions are deleted when they live in Redis (in-memory sessions end at their next
 * request, by {@link ActiveAccountSessionFilter}).</li>
 * </ol>
 * Safe to run again after a partial failure: revoked families are gone, so nothing is told or revoked twice. It reads
 * only authorizations and sessions, never the account, so it also works for an account that was just erased.
 */
public final class AccountSessionEnder {

    /** How long a revoked family is remembered (a rotation in flight must not write it back). */
    static final Duration REVOCATION_MEMORY = Duration.ofHours(1);

    private final BackChannelLogoutPlanner backChannel;
    private final AuthorizationStore authorizations;
    private final Optional<FindByIndexNameSessionRepository<? extends Session>> sharedSessions;
    private final Clock clock;

    public AccountSessionEnder(BackChannelLogoutPlanner backChannel, AuthorizationStore authorizations,
            Optional<FindByIndexNameSessionRepository<? extends Session>> sharedSessions, Clock clock) {
        this.backChannel = Objects.requireNonNull(backChannel, "backChannel");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.sharedSessions = Objects.requireNonNull(sharedSessions, "sharedSessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What ending an account's sessions did.
     *
     * @param relyingPartiesNotified back-channel logout notices queued (one per relying party and session)
     * @param tokenFamiliesRevoked   authorizations (refresh and access tokens, pending codes) revoked
     * @param sessionsEnded          Signet sessions deleted at once (shared sessions in Redis)
     */
    public record Ended(int relyingPartiesNotified, int tokenFamiliesRevoked, int sessionsEnded) {
    }

    public Ended endAll(UUID accountId) {
        String principal = Objects.requireNonNull(accountId, "accountId").toString();
        List<LogoutNotice> notices = backChannel.allSessionsEnded(principal);
        int revoked = 0;
        for (OAuth2Authorization authorization : authorizations.findByPrincipalName(principal)) {
            authorizations.revokeFamily(authorization.getId(), clock.instant().plus(REVOCATION_MEMORY));
            revoked++;
        }
        return new Ended(notices.size(), revoked, endSharedSessions(principal));
    }

    private int endSharedSessions(String principal) {
        if (sharedSessions.isEmpty()) {
            return 0;
        }
        FindByIndexNameSessionRepository<? extends Session> repository = sharedSessions.get();
        int ended = 0;
        for (String sessionId : List.copyOf(repository.findByPrincipalName(principal).keySet())) {
            repository.deleteById(sessionId);
            ended++;
        }
        return ended;
    }
}
