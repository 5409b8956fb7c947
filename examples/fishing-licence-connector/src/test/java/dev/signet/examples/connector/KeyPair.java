package dev.signet.examples.connector;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * An EC P-256 signing key as JSON, the way {@code RemoteConnectorServerMain generate-key} prints one: the private JWK
 * for its owner and the public JWK set for the other end.
 */
public record KeyPair(String privateJwk, String publicJwkSet) {

    public static KeyPair generate(String keyId) {
        try {
            ECKey key = new ECKey.Builder(new ECKeyGenerator(Curve.P_256).generate()).keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
            return new KeyPair(key.toJSONString(), new JWKSet(key.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
