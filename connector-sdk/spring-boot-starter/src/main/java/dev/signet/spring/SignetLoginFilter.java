package dev.signet.spring;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;

import dev.signet.client.AuthorizationErrorException;
import dev.signet.client.AuthorizationOptions;
import dev.signet.client.AuthorizationRequest;
import dev.signet.client.PendingAuthorization;
import dev.signet.client.SignIn;
import dev.signet.client.SignetClient;
import dev.signet.client.SignetClientException;
import dev.signet.client.UserInfo;

/**
 * "Sign in with Signet": {@code GET /signet/login} sends the browser to Signet with a fresh {@code state},
 * {@code nonce} and PKCE verifier, kept in the HTTP session among its {@link PendingSignIns}; the callback takes the one
 * its {@code state} names and completes that sign-in with the relying-party client (every check Signet's protocol
 * asks for, {@code vot} against {@code vtr} included) and puts a {@link SignetAuthentication} in the security context.
 * When scopes beyond {@code openid} were asked for, userinfo is read once at sign-in, so the claims they release are
 * on the principal too.
 */
final class SignetLoginFilter extends OncePerRequestFilter {

    static final String PENDING = SignetLoginFilter.class.getName() + ".PENDING";
    private static final Logger LOG = LoggerFactory.getLogger(SignetLoginFilter.class);

    private final SignetClient client;
    private final SignetClientProperties properties;
    private final SignetSessionRegistry sessions;
    private final SecurityContextRepository contextRepository;
    private final RequestCache requestCache;
    private final boolean askForUserInfo;
    private final Clock clock;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    SignetLoginFilter(SignetClient client, SignetClientProperties properties, SignetSessionRegistry sessions,
            SecurityContextRepository contextRepository, RequestCache requestCache, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.contextRepository = Objects.requireNonNull(contextRepository, "contextRepository");
        this.requestCache = Objects.requireNonNull(requestCache, "requestCache");
        this.askForUserInfo = properties.scopes().stream().anyMatch(scope -> !"openid".equals(scope));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
        } else if (SignetPaths.LOGIN.equals(path)) {
            startSignIn(request, response);
        } else if (properties.redirectPath().equals(path)) {
            completeSignIn(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void startSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthorizationOptions.Builder options = AuthorizationOptions.builder()
                .vectorsOfTrust(properties.vtr().toArray(String[]::new))
                .redirectUri(callbackUri(request));
        if (!properties.uiLocales().isEmpty()) {
            options.uiLocales(properties.uiLocales().toArray(String[]::new));
        }
        if (properties.requestsLegacySubjects()) {
            // Signet releases legacy_subjects in the ID token only when the claims request names it there.
            options.claims("{\"id_token\":{\"legacy_subjects\":null}}");
        }
        AuthorizationRequest authorization;
        try {
            authorization = client.authorizationRequest(options.build());
        } catch (SignetClientException e) {
            LOG.warn("Could not start a sign-in with Signet: {}", e.getMessage());
            SignInProblemPage.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        remember(request.getSession(), authorization.pending());
        response.sendRedirect(authorization.uri().toString());
    }

    private void completeSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PendingAuthorization> taken = take(request.getSession(false), request.getParameter("state"));
        if (taken.isEmpty()) {
            SignInProblemPage.write(request, response, HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        PendingAuthorization pending = taken.get();
        SignIn signIn;
        Optional<UserInfo> userInfo;
        try {
            signIn = client.completeSignIn(parameters(request), pending);
            userInfo = askForUserInfo ? Optional.of(client.userInfo(signIn.tokens().accessToken(), signIn.subject()))
                    : Optional.empty();
        } catch (AuthorizationErrorException e) {
            LOG.info("Signet answered the sign-in with {}", e.error());
            SignInProblemPage.write(request, response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        } catch (SignetClientException e) {
            LOG.warn("Sign-in with Signet failed: {}", e.getMessage());
            SignInProblemPage.write(request, response, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        request.changeSessionId(); // a new session id once signed in (session fixation)
        SignetUser user = new SignetUser(signIn.idToken(), userInfo);
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(new SignetAuthentication(user));
        contextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        sessions.signedIn(request.getSession(), user);
        requestCache.removeRequest(request, response);
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/");
    }

    /**
     * Keeps a sign-in just started next to those already in progress, so an unrelated unauthenticated request (a second
     * tab, the browser's own icon fetch) cannot replace the one the citizen is in the middle of.
     */
    private void remember(HttpSession session, PendingAuthorization pending) {
        Instant now = clock.instant();
        synchronized (WebUtils.getSessionMutex(session)) {
            PendingSignIns signIns = session.getAttribute(PENDING) instanceof PendingSignIns kept ? kept
                    : new PendingSignIns();
            signIns.add(pending, now.plus(properties.signInTimeLimit()), now);
            session.setAttribute(PENDING, signIns); // set again: a session store that serialises it sees the change
        }
    }

    /** The sign-in the callback's {@code state} names, taken so that it is used once, whatever happens next. */
    private Optional<PendingAuthorization> take(HttpSession session, String state) {
        if (session == null) {
            LOG.info("A sign-in callback came without a session: no sign-in was started in this browser");
            return Optional.empty();
        }
        PendingSignIns.Lookup lookup;
        synchronized (WebUtils.getSessionMutex(session)) {
            if (!(session.getAttribute(PENDING) instanceof PendingSignIns signIns)) {
                LOG.info("A sign-in callback came to a session with no sign-in in progress");
                return Optional.empty();
            }
            lookup = signIns.take(state, clock.instant());
            if (signIns.isEmpty()) {
                session.removeAttribute(PENDING);
            } else {
                session.setAttribute(PENDING, signIns);
            }
        }
        if (lookup instanceof PendingSignIns.Lookup.Found found) {
            return Optional.of(found.authorization());
        }
        if (lookup instanceof PendingSignIns.Lookup.Expired) {
            LOG.info("A sign-in came back after signet.client.sign-in-time-limit ({})", properties.signInTimeLimit());
        } else {
            LOG.info("A sign-in callback's state is not one of a sign-in in progress in this session "
                    + "(already used, never started here, or dropped for newer ones)");
        }
        return Optional.empty();
    }

    private URI callbackUri(HttpServletRequest request) {
        // The service's own address as the browser reached it (behind a proxy, set server.forward-headers-strategy).
        return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + properties.redirectPath()).replaceQuery(null).build().toUri();
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                parameters.put(name, values[0]);
            }
        });
        return parameters;
    }
}
