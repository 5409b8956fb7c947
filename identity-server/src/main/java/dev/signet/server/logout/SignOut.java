package dev.signet.server.logout;

import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.oidc.authorization.TokenHashes;
import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * Ends the citizen's Signet session, from the account page's sign-out button or a relying party's logout request.
 * The relying parties used in the session are queued for back-channel logout first (a database write, never a call
 * to a relying party), then the session is invalidated.
 */
public final class SignOut {

    private final BackChannelLogoutPlanner backChannel;
    private final SecurityContextLogoutHandler sessionLogout = new SecurityContextLogoutHandler();
    private final AuditTrail audit;

    public SignOut(BackChannelLogoutPlanner backChannel, AuditTrail audit) {
        this.backChannel = Objects.requireNonNull(backChannel, "backChannel");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Whether someone is signed in on this request. */
    public static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (signedIn(authentication) && session != null) {
            // ID tokens carry sid = SHA-256 of the session id (as the authorization server computes it).
            backChannel.sessionEnded(authentication.getName(), TokenHashes.sha256(session.getId()));
        }
        if (authentication instanceof CitizenAuthentication citizen) {
            audit.record(Actor.citizen(citizen.accountId()), AuditEventType.SIGNED_OUT,
                    Optional.of(citizen.accountId()), Map.of());
        }
        sessionLogout.logout(request, response, authentication);
    }
}
