package dev.signet.server.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose sign-in is older than the absolute lifetime, however active the citizen has been since. Runs
 * before Spring Security, so the request then proceeds as a signed-out one (and a page that needs a sign-in sends the
 * citizen to sign in again). The idle timeout is the servlet container's (or Spring Session's) own. The stateless
 * protocol endpoints, which never have a session, are skipped.
 */
final class AbsoluteSessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteLifetime;
    private final Clock clock;
    private final RequestMatcher sessionless;

    AbsoluteSessionLifetimeFilter(Duration absoluteLifetime, Clock clock, RequestMatcher sessionless) {
        this.absoluteLifetime = Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionless = Objects.requireNonNull(sessionless, "sessionless");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return sessionless.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        try {
            if (session != null && signInExpired(session)) {
                session.invalidate();
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // Ended meanwhile by another request or the session-ending worker: signed out either way.
        }
        chain.doFilter(request, response);
    }

    private boolean signInExpired(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext securityContext
                && securityContext.getAuthentication() instanceof CitizenAuthentication citizen
                && !citizen.authTime().plus(absoluteLifetime).isAfter(Instant.now(clock));
    }
}
