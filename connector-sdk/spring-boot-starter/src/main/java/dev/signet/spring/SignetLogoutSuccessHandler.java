package dev.signet.spring;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import dev.signet.client.SignetClient;
import dev.signet.client.SignetClientException;

/**
 * After Spring Security has ended the local session, sends the browser to Signet to end the Signet session too
 * (RP-initiated logout, with the sign-in's ID token as {@code id_token_hint}). Signet then sends it to
 * {@code signet.client.post-logout-redirect-uri}, or shows its own page.
 */
final class SignetLogoutSuccessHandler implements LogoutSuccessHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignetLogoutSuccessHandler.class);

    private final SignetClient client;

    SignetLogoutSuccessHandler(SignetClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        if (authentication instanceof SignetAuthentication signet) {
            try {
                response.sendRedirect(client.logoutUri(signet.getPrincipal().idToken()).toString());
                return;
            } catch (SignetClientException e) {
                LOG.warn("Could not send the browser to Signet to sign out: {}", e.getMessage());
            }
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}
