package dev.signet.server.passkeys;

import dev.signet.server.passkeys.PasskeyAuthenticationProvider.PasskeyAccountUnavailableException;
import dev.signet.server.signin.CitizenSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON answers of {@code POST /login/webauthn}, read by passkeys.js: where to go next after a sign-in (the saved
 * authorization request of the service that sent the citizen, as after a password sign-in, or their account page), or
 * which message to show after a refusal.
 */
final class PasskeySignInResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PasskeySignInResponses() {
    }

    static AuthenticationSuccessHandler success(CitizenSignIn citizenSignIn) {
        return (request, response, authentication) -> write(response, HttpServletResponse.SC_OK,
                Map.of("authenticated", true, "redirectUrl", citizenSignIn.continueUrl(request, response)));
    }

    /**
     * 401 with {@code invalid_credentials} for any passkey that did not check out; 403 with the reason when a valid
     * passkey's account is suspended, blocked or must reset its password.
     */
    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            if (exception instanceof PasskeyAccountUnavailableException unavailable) {
                write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("error", unavailable.reason()));
            } else {
                write(response, HttpServletResponse.SC_UNAUTHORIZED, Map.of("error", "invalid_credentials"));
            }
        };
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
