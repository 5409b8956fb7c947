package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

class TokenSigningAlgorithmsTest {

    private static RegisteredClient client(SignatureAlgorithm idTokenAlgorithm) {
        return RegisteredClient.withId("rp").clientId("rp")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().idTokenSignatureAlgorithm(idTokenAlgorithm).build())
                .build();
    }

    private static SignatureAlgorithm decided(RegisteredClient client, OAuth2TokenType type) {
        // The framework starts every token as RS256; the contributor decides.
        JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256);
        JwtEncodingContext context = JwtEncodingContext.with(header, JwtClaimsSet.builder())
                .registeredClient(client).tokenType(type).build();
        new TokenSigningAlgorithms().contribute(context);
        return (SignatureAlgorithm) header.build().getAlgorithm();
    }

    @Test
    void accessTokensAreEs256ForEveryClient() {
        assertThat(decided(client(SignatureAlgorithm.ES256), OAuth2TokenType.ACCESS_TOKEN))
                .isEqualTo(SignatureAlgorithm.ES256);
        assertThat(decided(client(SignatureAlgorithm.RS256), OAuth2TokenType.ACCESS_TOKEN))
                .isEqualTo(SignatureAlgorithm.ES256);
    }

    @Test
    void idTokensFollowTheClientsRegisteredAlgorithm() {
        OAuth2TokenType idToken = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
        assertThat(decided(client(SignatureAlgorithm.ES256), idToken)).isEqualTo(SignatureAlgorithm.ES256);
        assertThat(decided(client(SignatureAlgorithm.RS256), idToken)).isEqualTo(SignatureAlgorithm.RS256);
        assertThat(decided(client(SignatureAlgorithm.PS256), idToken)).isEqualTo(SignatureAlgorithm.ES256);
    }
}
