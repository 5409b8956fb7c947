package dev.signet.server.oidc.authorization;

import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * Where the authorization server keeps authorization state (codes, access, refresh and ID tokens), plus what refresh
 * token rotation and logout need. Everything lives in the same store, so any instance can detect a reused refresh
 * token or find a citizen's authorizations. Adapters: {@code JdbcAuthorizationStore} (PostgreSQL, the embedded
 * default) and {@code RedisAuthorizationStore} (when {@code signet.redis.url} is set).
 *
 * <p>One {@link OAuth2Authorization} is one token family: it starts with an authorization code grant and every
 * rotation replaces its tokens in place, so revoking the family is removing the authorization.
 */
public interface AuthorizationStore extends OAuth2AuthorizationService {

    /**
     * {@inheritDoc}
     *
     * @throws FamilyRevokedException when the authorization's family was revoked: it is not written back
     */
    @Override
    void save(OAuth2Authorization authorization);

    /**
     * Atomically records that a refresh token has been presented for rotation. Only the first presentation across all
     * instances is {@link RefreshTokenClaim.FirstUse}; every later one is {@link RefreshTokenClaim.Reuse}.
     *
     * @param expiresAt when the refresh token expires: the record is kept until then
     */
    RefreshTokenClaim claimRefreshToken(String refreshTokenValue, String authorizationId, Instant expiresAt);

    /** The family of a refresh token that was already presented for rotation, if any. */
    java.util.Optional<String> familyOfClaimedRefreshToken(String refreshTokenValue);

    /**
     * Revokes a whole token family: the authorization and every token in it are removed, and a rotation still in
     * flight cannot write it back (its {@link #save} fails with {@link FamilyRevokedException}).
     *
     * @param until how long to remember the revocation (the longest remaining token lifetime)
     */
    void revokeFamily(String authorizationId, Instant until);

    /** Every stored authorization of a principal (account id), for sign-out. */
    List<OAuth2Authorization> findByPrincipalName(String principalName);

    /** Thrown by {@link #save} for an authorization whose family was revoked. */
    final class FamilyRevokedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public FamilyRevokedException(String authorizationId) {
            super("Token family " + authorizationId + " was revoked");
        }
    }
}
