package dev.signet.server.serviceuse;

import dev.signet.core.serviceuse.ServiceUseRepository;
import dev.signet.server.oidc.TokenClaimsContributor;
import dev.signet.server.signin.CitizenAuthentication;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Records that a citizen signed in to a service when the service redeems its authorization code for an ID token:
 * the moment the sign-in reached the service (a code never redeemed is not a sign-in). It adds no claim; it is a
 * {@link TokenClaimsContributor} because that is the one hook called for every ID token Signet issues. Refreshes are
 * not counted: they are the service working on its own, not the citizen signing in.
 */
final class ServiceSignInRecorder implements TokenClaimsContributor {

    private final ServiceUseRepository services;
    private final Clock clock;

    ServiceSignInRecorder(ServiceUseRepository services, Clock clock) {
        this.services = Objects.requireNonNull(services, "services");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
            return;
        }
        accountOf(context).ifPresent(accountId -> services.recordSignIn(accountId,
                context.getRegisteredClient().getClientId(), clock.instant()));
    }

    private static Optional<UUID> accountOf(JwtEncodingContext context) {
        return context.getPrincipal() instanceof CitizenAuthentication citizen ? Optional.of(citizen.accountId())
                : Optional.empty();
    }
}
