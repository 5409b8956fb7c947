package dev.signet.server.sessions;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Session's filter, except for requests that never have a session: those go straight on, unwrapped, so the
 * session cookie is not even parsed and nothing can load, touch or save a session in Redis for them.
 */
final class SessionFilterExceptStatelessEndpoints implements Filter {

    private final Filter sessionRepositoryFilter;
    private final RequestMatcher sessionless;

    SessionFilterExceptStatelessEndpoints(Filter sessionRepositoryFilter, RequestMatcher sessionless) {
        this.sessionRepositoryFilter = Objects.requireNonNull(sessionRepositoryFilter, "sessionRepositoryFilter");
        this.sessionless = Objects.requireNonNull(sessionless, "sessionless");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && sessionless.matches(http)) {
            chain.doFilter(request, response);
        } else {
            sessionRepositoryFilter.doFilter(request, response, chain);
        }
    }
}
