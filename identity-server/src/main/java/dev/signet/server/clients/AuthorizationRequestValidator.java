package dev.signet.server.clients;

import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;

/**
 * Extension point for authorization-request rules. The authorization endpoint's validator is a single replaceable
 * setting, so every feature's rules go through here: register a bean and it runs (in {@code @Order}) after the
 * framework's redirect-URI and scope checks and Signet's own rules (PKCE, nonce, vtr). Refuse a request by throwing
 * {@link AuthorizationRequestErrors#error}: the client then gets the RFC 6749 §4.1.2.1 error response at its
 * (already verified) redirect URI.
 */
@FunctionalInterface
public interface AuthorizationRequestValidator {

    void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context);
}
