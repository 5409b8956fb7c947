package dev.signet.server.oidc.trust;

import dev.signet.server.oidc.TokenClaimsContributor;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Puts {@code vot} (the vector of trust the citizen's sign-in achieved) and {@code vtm} (where its trustmark is) in
 * ID tokens (RFC 8485 §3.2). The request's {@code vtr} is read again from the stored authorization request, and an ID
 * token is never issued for a sign-in weaker than it asked for.
 */
final class TrustClaimsContributor implements TokenClaimsContributor {

    private final String trustmarkUri;

    TrustClaimsContributor(String trustmarkUri) {
        this.trustmarkUri = Objects.requireNonNull(trustmarkUri, "trustmarkUri");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || !(context.getPrincipal() instanceof CitizenAuthentication citizen)) {
            return;
        }
        Optional<CredentialTrustLevel> required = required(context.getAuthorization());
        if (required.isEmpty() || !citizen.trustLevel().satisfies(required.get())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "The sign-in does not meet the requested vector of trust", null));
        }
        context.getClaims().claim("vot", citizen.trustLevel().vectorValue());
        context.getClaims().claim("vtm", trustmarkUri);
    }

    private static Optional<CredentialTrustLevel> required(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        return request == null ? Optional.of(RequestedTrust.DEFAULT)
                : RequestedTrust.required(request.getAdditionalParameters());
    }
}
