package dev.signet.server.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, whichever filter chain serves it (the authorization server's or the pages'):
 * <ul>
 * <li>{@code Content-Security-Policy}: only Signet's own scripts, styles, images and fonts; no inline script or style
 * (the templates have none), no plugins, no {@code <base>}, and no framing ({@code frame-ancestors 'none'}, with
 * {@code X-Frame-Options: DENY} for older browsers) against clickjacking. There is no {@code form-action} directive:
 * browsers apply it to the redirects after a form is sent, and the sign-in form's redirects end at each relying
 * party's own {@code redirect_uri}.</li>
 * <li>{@code Strict-Transport-Security} on HTTPS requests only (RFC 6797 §7.2: never over plain HTTP).</li>
 * <li>{@code Referrer-Policy: no-referrer}: authorization requests and codes in URLs never leak to other sites.</li>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Cross-Origin-Opener-Policy: same-origin}.</li>
 * </ul>
 * A header already set (for example by Spring Security) is left alone.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "object-src 'none'; frame-ancestors 'none'";

    private final String strictTransportSecurity;

    public SecurityHeadersFilter(Duration hstsMaxAge) {
        this.strictTransportSecurity = hstsMaxAge.isZero() ? null
                : "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        set(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        set(response, "X-Frame-Options", "DENY");
        set(response, "Referrer-Policy", "no-referrer");
        set(response, "X-Content-Type-Options", "nosniff");
        set(response, "Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure() && strictTransportSecurity != null) {
            set(response, "Strict-Transport-Security", strictTransportSecurity);
        }
        chain.doFilter(request, response);
    }

    private static void set(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
