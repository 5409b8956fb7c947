package dev.signet.server.interventions;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.web.PageConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose account is no longer active (an intervention was placed, or the account was
 * deleted), before Spring Security reads it: the request then goes on as a signed-out one, so a suspended citizen's
 * existing session can neither reach their account pages nor get a relying party an authorization code. One look-up
 * by primary key per signed-in page or authorization request; static assets and the stateless protocol endpoints,
 * which never have a session, are skipped.
 */
final class ActiveAccountSessionFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final RequestMatcher sessionless;

    ActiveAccountSessionFilter(AccountRepository accounts, RequestMatcher sessionless) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
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
        if (session != null) {
            try {
                Object context = session.getAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                if (context instanceof SecurityContext securityContext
                        && securityContext.getAuthentication() instanceof CitizenAuthentication citizen
                        && !accounts.findById(citizen.accountId())
                                .map(account -> account.status() == AccountStatus.ACTIVE).orElse(false)) {
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // The session-ending worker ended this session while the request was on its way: it is signed out,
                // which is what this filter was about to do.
            }
        }
        chain.doFilter(request, response);
    }
}
