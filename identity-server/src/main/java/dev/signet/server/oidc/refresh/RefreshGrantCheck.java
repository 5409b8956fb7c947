package dev.signet.server.oidc.refresh;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * A reason, found by another feature, to refuse a refresh token grant before anything is rotated or issued (for
 * example: the citizen's account has been suspended). Registered as beans; {@link RefreshTokenRotation} asks each of
 * them about the authorization a presented refresh token belongs to.
 */
@FunctionalInterface
public interface RefreshGrantCheck {

    /**
     * @throws OAuth2AuthenticationException with {@code invalid_grant} (RFC 6749 §5.2) to refuse the grant
     */
    void check(OAuth2Authorization authorization);
}
