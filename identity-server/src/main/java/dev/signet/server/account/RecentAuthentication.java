package dev.signet.server.account;

import dev.signet.server.factors.StrongFactors;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.CredentialTrustLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * What a citizen must prove before changing how they sign in (second factors, passkeys, recovery codes), so that a
 * browser left signed in, or a password alone, is not enough:
 * <ul>
 * <li>an account that has a second factor or passkey needs a {@code Cl.Cm} session: a password-only session is sent
 * to the second-factor page (the step-up every service gets), which comes back here;</li>
 * <li>and the last authentication must be recent ({@link #RECENT}): otherwise the citizen types their password again
 * on {@link #CONFIRM_PAGE}.</li>
 * </ul>
 */
@Component
public class RecentAuthentication {

    public static final String CONFIRM_PAGE = "/account/confirm-it-is-you";
    /** How long a sign-in or a typed password counts as recent (OWASP ASVS 3.7.1 re-authentication). */
    public static final Duration RECENT = Duration.ofMinutes(5);

    private static final String CONFIRMED_AT = RecentAuthentication.class.getName() + ".confirmedAt";
    private static final String RETURN_TO = RecentAuthentication.class.getName() + ".returnTo";

    private final StrongFactors factors;
    private final Clock clock;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    RecentAuthentication(StrongFactors factors, Clock clock) {
        this.factors = Objects.requireNonNull(factors, "factors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Empty when the citizen may go on; otherwise the page to redirect to first, which comes back to
     * {@code returnTo} (a path of "Your account", shown again rather than the form re-posted).
     */
    public Optional<String> firstGoTo(CitizenAuthentication citizen, String returnTo, HttpServletRequest request,
            HttpServletResponse response) {
        if (needsStepUp(citizen)) {
            // The second-factor page goes back to the saved request once the session is raised to Cl.Cm.
            requestCache.saveRequest(new ReturnRequest(request, returnTo), response);
            return Optional.of(CitizenSignIn.SECOND_FACTOR_PAGE);
        }
        if (recent(citizen.authTime()) || confirmedRecently(request, citizen)) {
            return Optional.empty();
        }
        request.getSession().setAttribute(RETURN_TO, returnTo);
        return Optional.of(CONFIRM_PAGE);
    }

    /** Whether the citizen may change how they sign in right now (no page to go to first); changes nothing. */
    public boolean satisfied(CitizenAuthentication citizen, HttpServletRequest request) {
        return !needsStepUp(citizen) && (recent(citizen.authTime()) || confirmedRecently(request, citizen));
    }

    private boolean needsStepUp(CitizenAuthentication citizen) {
        return !citizen.trustLevel().satisfies(CredentialTrustLevel.MEDIUM) && factors.count(citizen.accountId()) > 0;
    }

    /** The password was typed again: recent from now on. Returns where the citizen was going. */
    String confirmed(HttpServletRequest request, CitizenAuthentication citizen) {
        HttpSession session = request.getSession();
        session.setAttribute(CONFIRMED_AT, citizen.accountId() + "|" + clock.instant());
        Object returnTo = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        return returnTo instanceof String path && path.startsWith("/account/") ? path : CitizenSignIn.ACCOUNT_PAGE;
    }

    private boolean recent(Instant at) {
        return !at.plus(RECENT).isBefore(clock.instant());
    }

    /** Confirmed by this account's password (a session id survives signing in as someone else). */
    private boolean confirmedRecently(HttpServletRequest request, CitizenAuthentication citizen) {
        HttpSession session = request.getSession(false);
        String prefix = citizen.accountId() + "|";
        return session != null && session.getAttribute(CONFIRMED_AT) instanceof String value
                && value.startsWith(prefix) && recent(Instant.parse(value.substring(prefix.length())));
    }

    /** The request as a GET of {@code returnTo}, which is what the saved request should bring the citizen back to. */
    private static final class ReturnRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final String path;

        ReturnRequest(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!("http".equals(getScheme()) && port == 80) && !("https".equals(getScheme()) && port == 443)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
