package dev.signet.connector.remote.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A private key that signs protocol messages, read from a JWK: EC P-256 signs with ES256, P-384 with ES384, P-521
 * with ES512, RSA (2048 bits or more) with PS256. The key needs a {@code kid}, so that the other end can rotate keys.
 * {@link #toString()} never prints the key.
 */
public final class SigningKey {

    private final JWK key;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    private SigningKey(JWK key, JWSAlgorithm algorithm, JWSSigner signer) {
        this.key = key;
        this.algorithm = algorithm;
        this.signer = signer;
    }

    /**
     * The key in {@code jwkJson}.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating the key
     */
    public static SigningKey parse(String jwkJson) {
        JWK key;
        try {
            key = JWK.parse(jwkJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not a JSON Web Key (JWK)");
        }
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("is a public key; a private JWK is needed to sign");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException("has no kid (key id)");
        }
        try {
            if (key instanceof ECKey ec) {
                JWSAlgorithm algorithm = algorithmFor(ec.getCurve())
                        .orElseThrow(() -> new IllegalArgumentException("is an EC key on an unsupported curve "
                                + "(P-256, P-384 or P-521 are)"));
                return new SigningKey(key, algorithm, new ECDSASigner(ec));
            }
            if (key instanceof RSAKey rsa) {
                if (rsa.size() < 2048) {
                    throw new IllegalArgumentException("is an RSA key shorter than 2048 bits");
                }
                return new SigningKey(key, JWSAlgorithm.PS256, new RSASSASigner(rsa));
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign: " + e.getClass().getSimpleName());
        }
        throw new IllegalArgumentException("is neither an EC nor an RSA key");
    }

    /** A new EC P-256 private key, as JWK JSON, with key id {@code keyId}. */
    public static String generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("This JVM cannot generate EC P-256 keys", e);
        }
    }

    private static Optional<JWSAlgorithm> algorithmFor(Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return Optional.of(JWSAlgorithm.ES256);
        }
        if (Curve.P_384.equals(curve)) {
            return Optional.of(JWSAlgorithm.ES384);
        }
        if (Curve.P_521.equals(curve)) {
            return Optional.of(JWSAlgorithm.ES512);
        }
        return Optional.empty();
    }

    /** The key's {@code kid}. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The public half, as a JWK (JSON). */
    public String publicJwkJson() {
        return key.toPublicJWK().toJSONString();
    }

    /** The public half, as a JWK set (JSON) the other end can configure or fetch. */
    public String publicJwkSetJson() {
        return new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString();
    }

    /** {@code claims} signed as a compact JWS of type {@code type}. */
    public String sign(String type, Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType(type))
                .keyID(key.getKeyID()).build(), builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed: " + e.getClass().getSimpleName());
        }
        return jwt.serialize();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + key.getKeyID() + ", alg=" + algorithm + "]";
    }
}
