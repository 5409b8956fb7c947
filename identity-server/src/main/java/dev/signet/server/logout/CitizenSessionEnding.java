package dev.signet.server.logout;

import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.logout.SessionTermination.Ended;
import dev.signet.server.logout.SessionTermination.Scope;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The sessions a citizen ends themselves, from the account page, by changing or resetting their password or by
 * deleting their account, each
 * written to the audit log ({@code sign_out.sessions_ended} with its scope and reason). The work is
 * {@link SessionTermination}'s.
 */
public final class CitizenSessionEnding {

    private final SessionTermination termination;
    private final AuditTrail audit;

    public CitizenSessionEnding(SessionTermination termination, AuditTrail audit) {
        this.termination = Objects.requireNonNull(termination, "termination");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The citizen signed out of one of their other sessions. */
    public Ended endOne(UUID accountId, String sessionId) {
        return audited(accountId, "one", "citizen", termination.end(accountId, new Scope.One(sessionId)));
    }

    /** The citizen signed out of every session but the one they are using. */
    public Ended endOthers(UUID accountId, String keptSessionId) {
        return audited(accountId, "others", "citizen", termination.end(accountId, new Scope.AllBut(keptSessionId)));
    }

    /** The citizen signed out everywhere, this session included. */
    public Ended endEverywhere(UUID accountId) {
        return audited(accountId, "everywhere", "citizen", termination.end(accountId, new Scope.All()));
    }

    /** After a password change: the session it was changed in goes on, every other ends. */
    public Ended endAfterPasswordChange(UUID accountId, String keptSessionId) {
        return audited(accountId, "others", "password_changed",
                termination.end(accountId, new Scope.AllBut(keptSessionId)));
    }

    /** After a password reset: the citizen proved control of the inbox, not of any session, so every one ends. */
    public Ended endAfterPasswordReset(UUID accountId) {
        return audited(accountId, "everywhere", "password_reset", termination.end(accountId, new Scope.All()));
    }

    /**
     * Before the account is deleted: every session ends and every service the citizen used is told, not only those of
     * the session that deleted it.
     */
    public Ended endBeforeDeletion(UUID accountId) {
        return audited(accountId, "everywhere", "account_deleted", termination.end(accountId, new Scope.All()));
    }

    private Ended audited(UUID accountId, String scope, String reason, Ended ended) {
        audit.record(Actor.citizen(accountId), AuditEventType.SESSIONS_ENDED, Optional.of(accountId), Map.of(
                "scope", scope, "reason", reason, "sessions", String.valueOf(ended.sessionsEnded()),
                "services_told", String.valueOf(ended.servicesTold()),
                "families_revoked", String.valueOf(ended.tokenFamiliesRevoked())));
        return ended;
    }
}
