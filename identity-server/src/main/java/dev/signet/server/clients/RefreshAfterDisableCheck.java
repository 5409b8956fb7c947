package dev.signet.server.clients;

import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.server.logout.SessionTermination;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.refresh.RefreshGrantCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Disabling a relying party revokes its refresh tokens: while it is disabled it cannot authenticate, so none can be
 * used; once enabled again, one issued before the disable ({@link ManagedRelyingParty#tokensNotBefore()}) is refused
 * with {@code invalid_grant} and its token family revoked. (The store has no index by client to revoke them all at the
 * moment of the disable; this holds from their first use instead.)
 */
final class RefreshAfterDisableCheck implements RefreshGrantCheck {

    private final ManagedRelyingPartyRepository relyingParties;
    private final AuthorizationStore authorizations;
    private final Clock clock;

    RefreshAfterDisableCheck(ManagedRelyingPartyRepository relyingParties, AuthorizationStore authorizations,
            Clock clock) {
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void check(OAuth2Authorization authorization) {
        Optional<Instant> notBefore = relyingParties.find(authorization.getRegisteredClientId())
                .flatMap(ManagedRelyingParty::tokensNotBefore);
        OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
        if (notBefore.isEmpty() || refresh == null || refresh.getToken().getIssuedAt() == null
                || !refresh.getToken().getIssuedAt().isBefore(notBefore.get())) {
            return;
        }
        authorizations.revokeFamily(authorization.getId(), clock.instant().plus(SessionTermination.REVOCATION_MEMORY));
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The refresh token is invalid, expired or revoked.",
                "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
    }
}
