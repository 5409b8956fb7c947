package dev.signet.server.signin;

import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.server.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Ends a journey by signing the citizen in: a new session id (so a session id planted before sign-in is worthless), a
 * {@link CitizenAuthentication} in the session's security context, and the way back to where the citizen was going
 * (the authorization request of the service that sent them, saved by Spring Security) or to their account page.
 */
@Component
public class CitizenSignIn {

    /** Where a citizen who did not come from a service lands. */
    public static final String ACCOUNT_PAGE = "/account";
    /** Where a citizen signed in with a password alone gives a second factor (or sets one up) to reach Cl.Cm. */
    public static final String SECOND_FACTOR_PAGE = "/sign-in/second-factor";

    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();
    private final Clock clock;
    private final AuditTrail audit;

    public CitizenSignIn(Clock clock, AuditTrail audit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Signs the account in with a password-only credential and returns the URL to redirect to. */
    public String signIn(UUID accountId, HttpServletRequest request, HttpServletResponse response) {
        return signIn(accountId, CredentialTrustLevel.LOW, request, response);
    }

    /**
     * Signs the account in at the trust level the citizen has just proven (also a step-up from {@code Cl} to
     * {@code Cl.Cm}: a new session id for the raised privilege) and returns the URL to redirect to.
     */
    public String signIn(UUID accountId, CredentialTrustLevel level, HttpServletRequest request,
            HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(new CitizenAuthentication(accountId, clock.instant(), level));
        contextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        audit.record(Actor.citizen(accountId), AuditEventType.SIGN_IN_SUCCEEDED, Optional.of(accountId),
                Map.of("level", level.vectorValue()));
        return continueUrl(request, response);
    }

    /** Where a signed-in citizen goes next: the service's saved authorization request, or their account page. */
    public String continueUrl(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        return saved != null ? saved.getRedirectUrl() : request.getContextPath() + ACCOUNT_PAGE;
    }
}
