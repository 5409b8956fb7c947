package dev.signet.server.oidc;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Adds or changes claims and headers of an ID token or JWT access token while it is being built. Every contributor
 * bean is called, in {@code @Order}, by the one {@code OAuth2TokenCustomizer} the authorization server uses.
 */
@FunctionalInterface
public interface TokenClaimsContributor {

    void contribute(JwtEncodingContext context);
}
