package dev.signet.server.oidc.trust;

import dev.signet.server.clients.AuthorizationRequestErrors;
import dev.signet.server.clients.AuthorizationRequestValidator;
import dev.signet.server.signin.CitizenAuthentication;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Checks {@code max_age} and answers {@code prompt=none} requests that would need a page with {@code login_required}
 * (OpenID Connect Core §3.1.2.6), before the framework would send the browser to the sign-in page. The other
 * freshness cases ({@code prompt=login}, a too old sign-in) are handled by {@link ReauthenticationFilter}.
 */
final class FreshnessValidator implements AuthorizationRequestValidator {

    private final Clock clock;

    FreshnessValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        if (!request.getScopes().contains(OidcScopes.OPENID)) {
            return;
        }
        FreshnessRequest freshness;
        try {
            freshness = FreshnessRequest.from(request.getAdditionalParameters());
        } catch (IllegalArgumentException e) {
            throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST, e.getMessage());
        }
        if (!freshness.promptNone()) {
            return;
        }
        Optional<CitizenAuthentication> current = request.getPrincipal() instanceof CitizenAuthentication citizen
                ? Optional.of(citizen) : Optional.empty();
        if (FreshnessPolicy.decide(freshness, current, Optional.empty(), clock.instant())
                instanceof FreshnessDecision.LoginRequired) {
            throw AuthorizationRequestErrors.error(context, "login_required",
                    "The citizen must sign in, which prompt=none does not allow");
        }
    }
}
