package dev.signet.server.sessions;

import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes the device of a signed-in session once, on its first request after sign-in, whichever way the citizen signed
 * in (password, second factor, passkey): the account page's list of sessions names each by its device. Static assets
 * are skipped; a session that already has its device is not written again.
 */
final class SessionDeviceFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/assets/") || path.startsWith("/govuk/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionDevice.ATTRIBUTE) == null && signedIn(session)) {
            Optional<SessionDevice> device = SessionDevice.fromUserAgent(request.getHeader("User-Agent"));
            // An unrecognised header is remembered as "unknown" so it is not parsed again at every request.
            session.setAttribute(SessionDevice.ATTRIBUTE, device.orElse(SessionDevice.UNKNOWN));
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security
                && security.getAuthentication() instanceof CitizenAuthentication;
    }
}
