package dev.signet.server.oidc.refresh;

import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.RefreshTokenClaim;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The refresh token grant with rotation and reuse detection (OAuth 2.0 Security BCP, RFC 9700 §4.14.2). Wraps the
 * authorization server's own refresh token provider, which issues the tokens:
 * <ul>
 * <li>every refresh issues a new refresh token, whatever the client's {@code reuse-refresh-tokens} setting says;</li>
 * <li>each refresh token is claimed atomically in the {@link AuthorizationStore} before it is used, so of two
 * presentations of the same token (on any instances) only the first is honoured;</li>
 * <li>presenting a refresh token that was already used revokes its whole family (the authorization and every token in
 * it) and is answered {@code invalid_grant}: either the client or an attacker holds a stolen copy, and the server
 * cannot tell which.</li>
 * </ul>
 */
public final class RefreshTokenRotation implements AuthenticationProvider {

    /** How long a revoked family is remembered: only a rotation already in flight could still try to write it. */
    private static final Duration REVOCATION_MEMORY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenRotation.class);

    private final AuthenticationProvider delegate;
    private final AuthorizationStore store;
    private final Clock clock;
    private final Counter reuse;
    private final List<RefreshGrantCheck> checks;

    public RefreshTokenRotation(AuthenticationProvider delegate, AuthorizationStore store, Clock clock,
            MeterRegistry meters) {
        this(delegate, store, clock, meters, List.of());
    }

    public RefreshTokenRotation(AuthenticationProvider delegate, AuthorizationStore store, Clock clock,
            MeterRegistry meters, List<RefreshGrantCheck> checks) {
        this.checks = List.copyOf(checks);
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reuse = Counter.builder("signet.refresh_token.reuse")
                .description("Refresh tokens presented again after rotation; each revoked its token family")
                .register(Objects.requireNonNull(meters, "meters"));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OAuth2RefreshTokenAuthenticationToken grant = (OAuth2RefreshTokenAuthenticationToken) authentication;
        String presented = grant.getRefreshToken();
        Optional<RegisteredClient> client = authenticatedClient(grant);
        OAuth2Authorization authorization = store.findByToken(presented, OAuth2TokenType.REFRESH_TOKEN);
        if (authorization == null) {
            Optional<String> family = store.familyOfClaimedRefreshToken(presented);
            if (family.isPresent()) {
                throw revoke(family.get(), client);
            }
        } else if (client.isPresent() && client.get().getId().equals(authorization.getRegisteredClientId())
                && authorization.getRefreshToken().isActive()) {
            checks.forEach(check -> check.check(authorization));
            OAuth2RefreshToken current = authorization.getRefreshToken().getToken();
            Instant expiresAt = current.getExpiresAt() != null ? current.getExpiresAt()
                    : clock.instant().plus(Duration.ofDays(1));
            if (store.claimRefreshToken(presented, authorization.getId(), expiresAt)
                    instanceof RefreshTokenClaim.Reuse reuse) {
                throw revoke(reuse.authorizationId(), client);
            }
        }
        // Anything not caught above (unknown, expired, revoked, another client's token) the delegate refuses itself.
        try {
            return delegate.authenticate(alwaysRotating(grant, client));
        } catch (AuthorizationStore.FamilyRevokedException e) {
            // The family was revoked (reuse seen on another request) while this rotation was being issued.
            throw invalidGrant();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private OAuth2AuthenticationException revoke(String authorizationId, Optional<RegisteredClient> client) {
        store.revokeFamily(authorizationId, clock.instant().plus(REVOCATION_MEMORY));
        reuse.increment();
        LOG.warn("Refresh token reuse: token family {} of client {} revoked", authorizationId,
                client.map(RegisteredClient::getClientId).orElse("(unauthenticated)"));
        return invalidGrant();
    }

    private static OAuth2AuthenticationException invalidGrant() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The refresh token is invalid, expired or revoked.",
                "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2"));
    }

    private static Optional<RegisteredClient> authenticatedClient(OAuth2RefreshTokenAuthenticationToken grant) {
        return grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
                ? Optional.ofNullable(client.getRegisteredClient())
                : Optional.empty();
    }

    /** The same grant, from a client whose token settings say "rotate" even if its registration says "reuse". */
    private static Authentication alwaysRotating(OAuth2RefreshTokenAuthenticationToken grant,
            Optional<RegisteredClient> client) {
        if (client.isEmpty() || !client.get().getTokenSettings().isReuseRefreshTokens()) {
            return grant;
        }
        OAuth2ClientAuthenticationToken principal = (OAuth2ClientAuthenticationToken) grant.getPrincipal();
        RegisteredClient rotating = RegisteredClient.from(client.get())
                .tokenSettings(TokenSettings.withSettings(client.get().getTokenSettings().getSettings())
                        .reuseRefreshTokens(false).build())
                .build();
        OAuth2ClientAuthenticationToken rotatingPrincipal = new OAuth2ClientAuthenticationToken(rotating,
                principal.getClientAuthenticationMethod(), principal.getCredentials());
        rotatingPrincipal.setDetails(principal.getDetails());
        OAuth2RefreshTokenAuthenticationToken rotatingGrant = new OAuth2RefreshTokenAuthenticationToken(
                grant.getRefreshToken(), rotatingPrincipal, grant.getScopes(), grant.getAdditionalParameters());
        rotatingGrant.setDetails(grant.getDetails());
        return rotatingGrant;
    }
}
