package dev.signet.admin.security;

import dev.signet.admin.web.ProblemResponses;
import dev.signet.admin.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A 403 with RFC 6750's {@code insufficient_scope} challenge and an RFC 9457 body. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        challenge.handle(request, response, e);
        ProblemResponses.write(response, Problems.of(HttpStatus.FORBIDDEN, Problems.INSUFFICIENT_SCOPE, "Forbidden",
                "The access token does not carry the scope this operation needs (docs/admin-api.md lists them)."),
                request.getRequestURI());
    }
}
