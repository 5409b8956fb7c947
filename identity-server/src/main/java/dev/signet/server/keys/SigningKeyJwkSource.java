package dev.signet.server.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Objects;

/**
 * The {@link JWKSource} the authorization server publishes at its JWKS endpoint and verifies its own access tokens
 * with (userinfo): the public keys of every key not yet expired, pending and retired ones included. It holds no
 * private key: tokens are signed by {@link SigningKeyJwtEncoder}, which picks the active key for the algorithm.
 */
final class SigningKeyJwkSource implements JWKSource<SecurityContext> {

    private final SigningKeyCache keys;

    SigningKeyJwkSource(SigningKeyCache keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(keys.publishedKeys()));
    }
}
