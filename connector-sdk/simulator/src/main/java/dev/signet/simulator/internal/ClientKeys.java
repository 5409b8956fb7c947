package dev.signet.simulator.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.simulator.SimulatedClient;
import java.text.ParseException;
import java.util.Optional;

/**
 * Checks a JWT a client signed (client assertion, request object) against the public keys registered for it: an
 * asymmetric algorithm, a key chosen by {@code kid}, a signature that verifies. Never HMAC, never {@code none}.
 */
final class ClientKeys {

    private ClientKeys() {
    }

    /** The claims when the signature verifies with one of the client's keys; else empty. */
    static Optional<JWTClaimsSet> verify(SimulatedClient client, String token) {
        if (client.jwks().isEmpty()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
            if (!JWSAlgorithm.Family.EC.contains(algorithm) && !JWSAlgorithm.Family.RSA.contains(algorithm)) {
                return Optional.empty();
            }
            String kid = jwt.getHeader().getKeyID();
            for (JWK key : JWKSet.parse(client.jwks().get()).getKeys()) {
                if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())) {
                    continue;
                }
                JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec)
                        : key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : null;
                if (verifier != null && jwt.verify(verifier)) {
                    return Optional.of(jwt.getJWTClaimsSet());
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
