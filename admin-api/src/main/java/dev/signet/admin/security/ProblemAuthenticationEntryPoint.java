package dev.signet.admin.security;

import dev.signet.admin.web.ProblemResponses;
import dev.signet.admin.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A 401 with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750 (set by Spring Security's own entry point)
 * and an RFC 9457 body saying what to do.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        boolean tokenSent = request.getHeader("Authorization") != null;
        ProblemResponses.write(response, Problems.of(HttpStatus.UNAUTHORIZED, Problems.INVALID_TOKEN,
                "Unauthorized", tokenSent
                        ? "The access token is not valid here: it may have expired, or not be a Signet token for "
                        + "the admin API. Get a new one with the client credentials grant."
                        : "Send an access token for the admin API: Authorization: Bearer <token>."),
                request.getRequestURI());
    }
}
