package dev.signet.server.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The authorization server's endpoints that only machines call, each request complete in itself: token (every grant),
 * introspection, revocation and the JWKS. The caller is a relying party authenticated on every request (or nobody,
 * for the JWKS), never a browser, so these requests neither read nor create an HTTP session: Spring Session's filter,
 * the session filters of the citizen's pages and the session-based parts of Spring Security are skipped for them (see
 * docs/sessions-and-logout.md). Every other path, including the authorization endpoint, keeps its session.
 *
 * <p>One predicate for all of them, so that the servlet filters and the security filter chain can never disagree on
 * which requests are stateless: a security filter that asked for a session on a request Spring Session did not wrap
 * would get the servlet container's own session instead.
 */
public final class StatelessEndpoints implements RequestMatcher {

    private final Set<String> paths;

    public StatelessEndpoints(AuthorizationServerSettings settings) {
        this.paths = Set.of(settings.getTokenEndpoint(), settings.getTokenIntrospectionEndpoint(),
                settings.getTokenRevocationEndpoint(), settings.getJwkSetEndpoint());
    }

    /** Whether the request is for one of these endpoints (its path exactly, within the application's context path). */
    @Override
    public boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return paths.contains(contextPath.isEmpty() ? uri : uri.substring(contextPath.length()));
    }
}
