package dev.signet.server.sessions;

import dev.signet.core.sessions.SessionSummary;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.web.PageConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes the device of a signed-in session once, on its first request after sign-in, whichever way the citizen signed
 * in (password, second factor, passkey): the account page's list of sessions names each by its device. Static assets
 * and the stateless protocol endpoints (no session there) are skipped; a session that already has its device is not
 * written again.
 *
 * <p>Also keeps the session's {@link SessionSummary} (when and how strongly the citizen signed in, and the device) as a
 * plain string, for the admin API, which reads sessions from Redis but not identity-server's classes in them. It is
 * written when it changes (sign-in, a step up to a second factor), not at every request.
 */
final class SessionDeviceFilter extends OncePerRequestFilter {

    private final RequestMatcher sessionless;

    SessionDeviceFilter(RequestMatcher sessionless) {
        this.sessionless = Objects.requireNonNull(sessionless, "sessionless");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return PageConfiguration.isStaticAsset(request) || sessionless.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<CitizenAuthentication> citizen = session == null ? Optional.empty() : signedIn(session);
        if (citizen.isPresent()) {
            SessionDevice device = session.getAttribute(SessionDevice.ATTRIBUTE) instanceof SessionDevice known
                    ? known : null;
            if (device == null) {
                // An unrecognised header is remembered as "unknown" so it is not parsed again at every request.
                device = SessionDevice.fromUserAgent(request.getHeader("User-Agent")).orElse(SessionDevice.UNKNOWN);
                session.setAttribute(SessionDevice.ATTRIBUTE, device);
            }
            String summary = new SessionSummary(citizen.get().authTime(),
                    Optional.of(citizen.get().trustLevel().vectorValue()), device.browserName(),
                    device.systemName()).encode();
            if (!summary.equals(session.getAttribute(SessionSummary.ATTRIBUTE))) {
                session.setAttribute(SessionSummary.ATTRIBUTE, summary);
            }
        }
        chain.doFilter(request, response);
    }

    private static Optional<CitizenAuthentication> signedIn(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security
                && security.getAuthentication() instanceof CitizenAuthentication citizen
                ? Optional.of(citizen) : Optional.empty();
    }
}
