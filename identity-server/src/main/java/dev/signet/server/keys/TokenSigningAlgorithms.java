package dev.signet.server.keys;

import dev.signet.server.oidc.TokenClaimsContributor;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * The one place that decides the algorithm of each token: ES256 for access tokens (the framework's default would be
 * RS256) and for ID tokens, RS256 ID tokens for relying parties registered with {@code id-token-signing-alg: RS256}.
 * Logout tokens follow the same rule through the relying party's token settings ({@code LogoutTokens}).
 */
final class TokenSigningAlgorithms implements TokenClaimsContributor {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    @Override
    public void contribute(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
        } else if (ID_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().algorithm(idTokenAlgorithm(context));
        }
    }

    static SignatureAlgorithm idTokenAlgorithm(JwtEncodingContext context) {
        SignatureAlgorithm requested = context.getRegisteredClient().getTokenSettings().getIdTokenSignatureAlgorithm();
        return requested == SignatureAlgorithm.RS256 ? SignatureAlgorithm.RS256 : SignatureAlgorithm.ES256;
    }
}
