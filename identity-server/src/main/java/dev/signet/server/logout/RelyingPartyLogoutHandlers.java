package dev.signet.server.logout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;

/**
 * RP-initiated logout ({@code /connect/logout}, OpenID Connect RP-Initiated Logout 1.0). The authorization server
 * validates the request: {@code id_token_hint} issued by Signet, {@code post_logout_redirect_uri} exactly one of the
 * client's registered post-logout URIs, and the hint's {@code sid} the citizen's current session.
 * <ul>
 * <li>Valid: the session ends (with back-channel logout to the other relying parties) and the browser goes to the
 * post-logout URI with {@code state}, or to the signed-out page when the client gave none.</li>
 * <li>Not valid (unregistered URI, unknown or foreign hint, another session): no redirect anywhere. A signed-in
 * citizen is asked whether to sign out (the request could be forged, so it is not acted on by itself); anyone else
 * sees the signed-out page.</li>
 * </ul>
 */
final class RelyingPartyLogoutHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(RelyingPartyLogoutHandlers.class);

    private final SignOut signOut;

    RelyingPartyLogoutHandlers(SignOut signOut) {
        this.signOut = Objects.requireNonNull(signOut, "signOut");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
        if (logout.isPrincipalAuthenticated()) {
            signOut.signOut(request, response);
        }
        String target = request.getContextPath() + SignOutController.SIGNED_OUT;
        if (StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
            target = logout.getPostLogoutRedirectUri();
            if (StringUtils.hasText(logout.getState())) {
                target += (target.contains("?") ? "&" : "?") + "state="
                        + URLEncoder.encode(logout.getState(), StandardCharsets.UTF_8);
            }
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(target);
    }

    private static String describe(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            return error.getErrorCode() + (error.getDescription() == null ? "" : ": " + error.getDescription());
        }
        return exception.getClass().getSimpleName();
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean signedIn = SignOut.signedIn(SecurityContextHolder.getContext().getAuthentication());
        // The OAuth error code says which check failed (hint, redirect URI, session); it holds no token or secret.
        log.info("RP-initiated logout request refused ({}); {}", describe(exception),
                signedIn ? "asking the citizen to confirm" : "showing the signed-out page");
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + (signedIn ? "/sign-out" : SignOutController.SIGNED_OUT));
    }
}
