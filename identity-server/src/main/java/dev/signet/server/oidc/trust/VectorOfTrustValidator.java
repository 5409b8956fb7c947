package dev.signet.server.oidc.trust;

import dev.signet.server.clients.AuthorizationRequestErrors;
import dev.signet.server.clients.AuthorizationRequestValidator;
import dev.signet.server.signin.CredentialTrustLevel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Refuses an authentication request whose vector of trust Signet cannot meet, before anyone is asked to sign in, so a
 * request for {@code Cl.Cm} is never silently answered with {@code Cl}. The error is
 * {@code unmet_authentication_requirements} (OpenID Connect Unmet Authentication Requirements 1.0 §2): the request is
 * valid and the client may ask for it, but the provider cannot authenticate the citizen as required; a relying party
 * can then fall back to {@code Cl} if its service allows.
 */
final class VectorOfTrustValidator implements AuthorizationRequestValidator {

    static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";

    private final CredentialTrustLevel strongestAvailable;

    VectorOfTrustValidator(CredentialTrustLevel strongestAvailable) {
        this.strongestAvailable = Objects.requireNonNull(strongestAvailable, "strongestAvailable");
    }

    @Override
    public void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        if (!request.getScopes().contains(OidcScopes.OPENID)) {
            return;
        }
        Map<String, Object> parameters = request.getAdditionalParameters();
        Optional<CredentialTrustLevel> required = RequestedTrust.required(parameters);
        if (required.isEmpty() || !strongestAvailable.satisfies(required.get())) {
            // RFC 6749 §4.1.2.1: error_description may not contain quotes, so the vtr itself is not echoed.
            String needed = required.map(level -> "the vector of trust " + level.vectorValue())
                    .orElse("none of the requested vectors of trust");
            throw AuthorizationRequestErrors.error(context, UNMET_AUTHENTICATION_REQUIREMENTS, "Signet cannot "
                    + "authenticate to " + needed + "; the strongest available is " + strongestAvailable.vectorValue());
        }
    }
}
