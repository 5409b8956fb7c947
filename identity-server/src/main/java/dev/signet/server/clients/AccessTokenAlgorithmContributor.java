package dev.signet.server.clients;

import dev.signet.server.oidc.TokenClaimsContributor;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * JWT access tokens are signed with ES256 (the framework's default is RS256). ID tokens already follow the relying
 * party's {@code id-token-signing-alg} through its token settings. Runs first, so the signing-key feature can still
 * refine headers (e.g. the key id) after it.
 */
final class AccessTokenAlgorithmContributor implements TokenClaimsContributor {

    @Override
    public void contribute(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
        }
    }
}
