package dev.signet.server.oidc.claims;

import dev.signet.server.oidc.TokenClaimsContributor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Adds {@code at_hash} to an ID token issued with an access token. The framework does not compute it; when it builds
 * the ID token at the token endpoint (code or refresh grant), the authorization it passes already holds the access
 * token issued in the same response.
 */
final class AccessTokenHashContributor implements TokenClaimsContributor {

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        OAuth2Authorization authorization = context.getAuthorization();
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken =
                authorization == null ? null : authorization.getAccessToken();
        if (accessToken == null) {
            return;
        }
        JwsAlgorithm algorithm = context.getJwsHeader().build().getAlgorithm();
        context.getClaims().claim(IdTokenClaimNames.AT_HASH,
                AccessTokenHash.of(accessToken.getToken().getTokenValue(), algorithm.getName()));
    }
}
