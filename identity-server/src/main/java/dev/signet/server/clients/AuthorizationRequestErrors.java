package dev.signet.server.clients;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/** Builds authorization errors that go back to the client's redirect URI (RFC 6749 §4.1.2.1). */
public final class AuthorizationRequestErrors {

    static final String RFC6749_ERRORS = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";

    private AuthorizationRequestErrors() {
    }

    /**
     * An error for a request whose client and redirect URI are already verified. When the request named no redirect
     * URI, the client's only registered one is used (RFC 6749 §3.1.2.3).
     */
    public static OAuth2AuthorizationCodeRequestAuthenticationException error(
            OAuth2AuthorizationCodeRequestAuthenticationContext context, String errorCode, String description) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String redirectUri = request.getRedirectUri();
        Set<String> registered = context.getRegisteredClient().getRedirectUris();
        if (redirectUri == null && registered.size() == 1) {
            redirectUri = registered.iterator().next();
        }
        OAuth2AuthorizationCodeRequestAuthenticationToken withRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(),
                redirectUri, request.getState(), request.getScopes(), request.getAdditionalParameters());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(errorCode, description, RFC6749_ERRORS), withRedirect);
    }
}
