package dev.signet.server.clients;

import dev.signet.server.sessions.SessionAccess;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The authorization endpoint's responses. Both carry {@code iss} (RFC 9207), which the framework does not add, so a
 * client talking to several providers can tell which one answered (mix-up attacks). An error goes back to the client
 * only when its redirect URI is registered for that client; otherwise the person sees a plain-language page and is
 * never sent to an address nobody vouched for.
 */
final class AuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Where people see what went wrong when the error cannot go back to the service. */
    static final String PROBLEM_PAGE = "/authorization-problem";
    static final String PROBLEM_ATTRIBUTE = AuthorizationResponses.class.getName() + ".problem";

    /** What the person is told. */
    enum Problem { UNKNOWN_CLIENT, UNREGISTERED_REDIRECT, BAD_REQUEST }

    private final RegisteredClientRepository clients;

    AuthorizationResponses(RegisteredClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationToken result =
                (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, encode(result.getAuthorizationCode().getTokenValue()));
        if (StringUtils.hasText(result.getState())) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(result.getState()));
        }
        uri.queryParam("iss", encode(issuer()));
        // The code exchange names the citizen's most recently accessed session in the ID token: this one.
        SessionAccess.recordNow(request);
        redirect(response, uri.build(true).toUriString());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        OAuth2AuthorizationCodeRequestAuthenticationToken failed =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequestException
                        ? codeRequestException.getAuthorizationCodeRequestAuthentication() : null;
        String clientId = failed != null ? failed.getClientId() : request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        RegisteredClient client = StringUtils.hasText(clientId) ? clients.findByClientId(clientId) : null;
        String redirectUri = failed != null ? failed.getRedirectUri() : null;
        if (client != null && redirectUri != null && client.getRedirectUris().contains(redirectUri)) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(redirectUri)
                    .queryParam(OAuth2ParameterNames.ERROR, encode(error.getErrorCode()));
            if (StringUtils.hasText(error.getDescription())) {
                uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
            }
            if (StringUtils.hasText(error.getUri())) {
                uri.queryParam(OAuth2ParameterNames.ERROR_URI, encode(error.getUri()));
            }
            if (StringUtils.hasText(failed.getState())) {
                uri.queryParam(OAuth2ParameterNames.STATE, encode(failed.getState()));
            }
            uri.queryParam("iss", encode(issuer()));
            redirect(response, uri.build(true).toUriString());
            return;
        }
        Problem problem;
        if (client == null) {
            problem = Problem.UNKNOWN_CLIENT;
        } else if (StringUtils.hasText(request.getParameter(OAuth2ParameterNames.REDIRECT_URI))
                && !client.getRedirectUris().contains(request.getParameter(OAuth2ParameterNames.REDIRECT_URI))) {
            problem = Problem.UNREGISTERED_REDIRECT;
        } else {
            problem = Problem.BAD_REQUEST;
        }
        request.setAttribute(PROBLEM_ATTRIBUTE, problem);
        request.getRequestDispatcher(PROBLEM_PAGE).forward(request, response);
    }

    private static String issuer() {
        return AuthorizationServerContextHolder.getContext().getIssuer();
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
