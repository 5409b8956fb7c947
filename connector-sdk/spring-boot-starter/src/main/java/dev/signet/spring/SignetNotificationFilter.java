package dev.signet.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.signet.client.LogoutToken;
import dev.signet.client.ProviderUnavailableException;
import dev.signet.client.SecurityEvent;
import dev.signet.client.SecurityEventToken;
import dev.signet.client.SignetClient;
import dev.signet.client.TokenValidationException;

/**
 * What Signet POSTs to the service, server to server: back-channel logout tokens (OpenID Connect Back-Channel Logout
 * 1.0), which end the local sessions they name, and Security Event Tokens (RFC 8935 push), published as Spring events.
 * Both are validated by the relying-party client, replay check included; errors are answered in each protocol's own
 * format.
 */
final class SignetNotificationFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SignetNotificationFilter.class);
    private static final int MAX_TOKEN_BYTES = 64 * 1024;

    private final SignetClient client;
    private final SignetSessionRegistry sessions;
    private final ApplicationEventPublisher events;

    SignetNotificationFilter(SignetClient client, SignetSessionRegistry sessions, ApplicationEventPublisher events) {
        this.client = Objects.requireNonNull(client, "client");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SignetPaths.BACK_CHANNEL_LOGOUT.equals(path)) {
            backChannelLogout(request, response);
        } else if (SignetPaths.EVENTS.equals(path)) {
            securityEvent(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void backChannelLogout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = "POST".equals(request.getMethod()) ? request.getParameter("logout_token") : null;
        if (token == null) {
            json(response, 400, "{\"error\":\"invalid_request\",\"error_description\":\"POST a logout_token\"}");
            return;
        }
        try {
            LogoutToken logout = client.validateLogoutToken(token);
            int ended = sessions.endSessions(logout.sessionId(), logout.subject());
            LOG.info("Back-channel logout ended {} local session(s)", ended);
            response.setStatus(200);
        } catch (TokenValidationException e) {
            LOG.warn("Refused a back-channel logout token: {}", e.getMessage());
            json(response, 400, "{\"error\":\"invalid_request\",\"error_description\":\"" + jsonText(e.getMessage())
                    + "\"}");
        } catch (ProviderUnavailableException e) {
            // Signet's keys could not be fetched: a 5xx tells Signet to try again later.
            LOG.warn("Could not check a back-channel logout token: {}", e.getMessage());
            response.setStatus(503);
        }
    }

    private void securityEvent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType();
        if (!"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase().startsWith("application/secevent+jwt")) {
            json(response, 400, "{\"err\":\"invalid_request\",\"description\":\"POST an application/secevent+jwt\"}");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_TOKEN_BYTES + 1);
        if (body.length > MAX_TOKEN_BYTES) {
            json(response, 400, "{\"err\":\"invalid_request\",\"description\":\"The token is too large\"}");
            return;
        }
        SecurityEventToken token;
        try {
            token = client.validateSecurityEventToken(new String(body, StandardCharsets.US_ASCII).trim());
        } catch (TokenValidationException e) {
            LOG.warn("Refused a security event token: {}", e.getMessage());
            json(response, 400, "{\"err\":\"invalid_request\",\"description\":\"" + jsonText(e.getMessage()) + "\"}");
            return;
        } catch (ProviderUnavailableException e) {
            LOG.warn("Could not check a security event token: {}", e.getMessage());
            response.setStatus(503);
            return;
        }
        for (SecurityEvent event : token.events()) {
            if (event instanceof SecurityEvent.AccountMerged merged) {
                events.publishEvent(new SignetAccountMergedEvent(token, merged));
            } else if (event instanceof SecurityEvent.LegacyIdentityUnlinked unlinked) {
                events.publishEvent(new SignetLegacyIdentityUnlinkedEvent(token, unlinked));
            } else {
                LOG.info("Ignoring security event {}", event.type());
            }
        }
        response.setStatus(202);
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}
