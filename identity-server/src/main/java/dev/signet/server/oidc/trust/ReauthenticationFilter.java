package dev.signet.server.oidc.trust;

import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the citizen sign in again when an authentication request says so ({@code prompt=login}), when their sign-in
 * is older than {@code max_age}, or when it is weaker than the request's vector of trust. It runs at the
 * authorization endpoint after the framework has validated the request and before the access decision: it removes
 * the {@link CitizenAuthentication} from the request and the session, so the framework saves the request and sends
 * the browser to the sign-in page, which comes back to the same request afterwards. Which request was sent to sign
 * in again, and when, is kept in the session so that the sign-in that follows answers it (see
 * {@link FreshnessPolicy}).
 *
 * <p>A sign-in that is fresh enough but too weak is kept: the request is saved as the framework would save it and the
 * browser is sent to the second-factor page (step-up), which comes back to the same request once the citizen has
 * given their second factor.
 */
final class ReauthenticationFilter extends OncePerRequestFilter {

    static final String ASKED_ATTRIBUTE = ReauthenticationFilter.class.getName() + ".asked";
    /** The parameter {@link HttpSessionRequestCache} adds to a saved request's URL by default. */
    static final String REQUEST_CACHE_MARKER = "continue";

    private final Clock clock;
    private final String stepUpPage;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    /** @param stepUpPage where a citizen signed in too weakly gives their second factor */
    ReauthenticationFilter(Clock clock, String stepUpPage) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stepUpPage = Objects.requireNonNull(stepUpPage, "stepUpPage");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Set by the framework's validating filter only for an authorization request that passed every check.
        if (!(request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName())
                instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)
                || !authorizationRequest.getScopes().contains(OidcScopes.OPENID)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = contexts.getContext().getAuthentication();
        Optional<CitizenAuthentication> current = authentication instanceof CitizenAuthentication citizen
                ? Optional.of(citizen) : Optional.empty();
        String fingerprint = fingerprint(authorizationRequest);
        Instant now = clock.instant();
        FreshnessDecision decision = FreshnessPolicy.decide(FreshnessRequest.from(
                authorizationRequest.getAdditionalParameters()), current, asked(request, fingerprint), now);
        if (decision instanceof FreshnessDecision.StepUp) {
            requestCache.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + stepUpPage);
            return;
        }
        if (decision instanceof FreshnessDecision.SignInAgain) {
            // A plain string, readable by any session store (in the process or Redis).
            request.getSession().setAttribute(ASKED_ATTRIBUTE, fingerprint + " " + now.getEpochSecond());
            var empty = contexts.createEmptyContext();
            contexts.setContext(empty);
            repository.saveContext(empty, request, response);
        } else if (current.isPresent() && asked(request, fingerprint).isPresent()) {
            // Answered by the new sign-in: a later request with the same parameters is judged afresh.
            request.getSession().removeAttribute(ASKED_ATTRIBUTE);
        }
        chain.doFilter(request, response);
    }

    private static Optional<Instant> asked(HttpServletRequest request, String fingerprint) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ASKED_ATTRIBUTE) instanceof String value)) {
            return Optional.empty();
        }
        String[] parts = value.split(" ");
        return parts.length == 2 && parts[0].equals(fingerprint)
                ? Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[1]))) : Optional.empty();
    }

    /**
     * Identifies one authorization request; the browser brings back the same parameters after signing in, plus the
     * marker Spring Security's request cache adds to the URL it sends the browser back to, which is left out.
     */
    static String fingerprint(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        StringBuilder text = new StringBuilder().append(request.getClientId()).append('\n')
                .append(request.getRedirectUri()).append('\n').append(request.getState()).append('\n')
                .append(new TreeSet<>(request.getScopes())).append('\n');
        TreeMap<String, Object> parameters = new TreeMap<>(request.getAdditionalParameters());
        parameters.remove(REQUEST_CACHE_MARKER);
        parameters.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
