package dev.signet.server.logout;

import dev.signet.core.logout.LogoutNotice;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.sessions.CitizenSession;
import dev.signet.server.sessions.CitizenSessions;
import dev.signet.server.sessions.SessionIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Ends some or all of a citizen's sessions everywhere they exist, in this order:
 * <ol>
 * <li>every relying party that received an ID token in an ended session (and registered a back-channel logout URI)
 * is queued a logout token, delivered by the logout worker with retries;</li>
 * <li>the token families issued in those sessions are revoked: refresh tokens stop working, access tokens introspect
 * as inactive;</li>
 * <li>the Signet sessions are ended at once, in Redis or in this process.</li>
 * </ol>
 * Used by the citizen on the account page ("sign out of other devices", "sign out everywhere"), after a password
 * change or reset, and by account interventions. A token family belongs to the session whose {@code sid} its ID
 * token carries; a family without one (no ID token yet, or no {@code openid} scope) cannot be placed, so it ends
 * with "others" and "everywhere" but never with a single named session.
 */
public final class SessionTermination {

    /** How long a revoked family is remembered (a rotation in flight must not write it back). */
    public static final Duration REVOCATION_MEMORY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

    private final CitizenSessions sessions;
    private final BackChannelLogoutPlanner backChannel;
    private final AuthorizationStore authorizations;
    private final Clock clock;

    public SessionTermination(CitizenSessions sessions, BackChannelLogoutPlanner backChannel,
            AuthorizationStore authorizations, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.backChannel = Objects.requireNonNull(backChannel, "backChannel");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Which sessions end. */
    public sealed interface Scope {

        /** One session, named by id. */
        record One(String sessionId) implements Scope {
        }

        /** Every session but the one the citizen is using. */
        record AllBut(String keptSessionId) implements Scope {
        }

        /**
         * One session, named by its {@code sid}: an operator's command from the admin API, which never sees session
         * ids. Its relying parties are told and its token families revoked even if the session itself has ended.
         */
        record Named(String sid) implements Scope {
        }

        /** Every session. */
        record All() implements Scope {
        }
    }

    /**
     * What ending sessions did.
     *
     * @param sessionsEnded         Signet sessions ended
     * @param servicesTold          back-channel logout notices queued (one per relying party and session)
     * @param tokenFamiliesRevoked  authorizations (refresh and access tokens, pending codes) revoked
     */
    public record Ended(int sessionsEnded, int servicesTold, int tokenFamiliesRevoked) {
    }

    public Ended end(UUID accountId, Scope scope) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scope, "scope");
        String principal = accountId.toString();
        List<LogoutNotice> notices;
        if (scope instanceof Scope.One one) {
            notices = backChannel.sessionEnded(principal, SessionIds.sid(one.sessionId()));
        } else if (scope instanceof Scope.Named named) {
            notices = backChannel.sessionEnded(principal, named.sid());
        } else if (scope instanceof Scope.AllBut allBut) {
            notices = backChannel.otherSessionsEnded(principal, SessionIds.sid(allBut.keptSessionId()));
        } else {
            notices = backChannel.allSessionsEnded(principal);
        }
        Predicate<Optional<String>> endedSid = endedSid(scope);
        int revoked = 0;
        for (OAuth2Authorization authorization : authorizations.findByPrincipalName(principal)) {
            if (endedSid.test(sidOf(authorization))) {
                authorizations.revokeFamily(authorization.getId(), clock.instant().plus(REVOCATION_MEMORY));
                revoked++;
            }
        }
        int ended = 0;
        for (CitizenSession session : sessions.findByAccount(accountId)) {
            if (endedSid.test(Optional.of(session.sid())) && sessions.end(accountId, session.id())) {
                ended++;
            }
        }
        log.info("Sessions of account {} ended ({}): {} sessions, {} relying-party sessions told, "
                + "{} token families revoked", accountId, scope.getClass().getSimpleName(), ended, notices.size(),
                revoked);
        return new Ended(ended, notices.size(), revoked);
    }

    /** Whether a session or token family, known by its {@code sid} (when it has one), ends with the scope. */
    private static Predicate<Optional<String>> endedSid(Scope scope) {
        if (scope instanceof Scope.One one) {
            Optional<String> ended = Optional.of(SessionIds.sid(one.sessionId()));
            return ended::equals;
        }
        if (scope instanceof Scope.Named named) {
            Optional<String> ended = Optional.of(named.sid());
            return ended::equals;
        }
        if (scope instanceof Scope.AllBut allBut) {
            Optional<String> kept = Optional.of(SessionIds.sid(allBut.keptSessionId()));
            return sid -> !kept.equals(sid);
        }
        return sid -> true;
    }

    private static Optional<String> sidOf(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        return idToken == null ? Optional.empty() : Optional.ofNullable(idToken.getToken().getClaimAsString("sid"));
    }
}
