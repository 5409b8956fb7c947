package dev.signet.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The service's own private key, with which it proves who it is to Signet: every token request carries a client
 * assertion signed with it ({@code private_key_jwt}, RFC 7523), and so does a signed request object (RFC 9101).
 * Signet knows only the public half, from the relying-party registration.
 *
 * <p>Create one with {@link #generate(String)} the first time, keep {@link #privateJwk()} in your secret store, give
 * {@link #publicJwkSet()} to Signet's operators for your registration, and load it with {@link #fromJwk(String)} when
 * the service starts. Keys are EC P-256 (signing with {@code ES256}, the default) or RSA of at least 2048 bits
 * ({@code RS256}).
 *
 * <p>Instances are immutable. {@link #toString()} never shows key material.
 */
public final class ClientKey {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private final JWK jwk;
    private final String algorithm;

    private ClientKey(JWK jwk) {
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("The client key must be a private key (the JWK has no private part)");
        }
        if (jwk.getKeyID() == null || !KEY_ID.matcher(jwk.getKeyID()).matches()) {
            throw new IllegalArgumentException("The client key needs a key id (kid) of 1-128 of A-Z a-z 0-9 . _ ~ -");
        }
        this.jwk = jwk;
        this.algorithm = algorithmOf(jwk);
    }

    /**
     * Reads a private key in JSON Web Key form (RFC 7517), e.g. as kept in a secret store. It must have a {@code kid}.
     *
     * @throws IllegalArgumentException if the text is not a private EC P-256/P-384 or RSA JWK with a key id
     */
    public static ClientKey fromJwk(String privateJwkJson) {
        Objects.requireNonNull(privateJwkJson, "privateJwkJson");
        try {
            return new ClientKey(JWK.parse(privateJwkJson));
        } catch (ParseException e) {
            throw new IllegalArgumentException("The client key is not a JSON Web Key: " + e.getMessage());
        }
    }

    /** Wraps a key pair held in Java form (e.g. from a PKCS#12 key store). */
    public static ClientKey of(KeyPair keyPair, String keyId) {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(keyId, "keyId");
        if (keyPair.getPublic() instanceof ECPublicKey ecPublic && keyPair.getPrivate() instanceof ECPrivateKey ecPrivate) {
            return new ClientKey(new ECKey.Builder(Curve.forECParameterSpec(ecPublic.getParams()), ecPublic)
                    .privateKey(ecPrivate).keyID(keyId).keyUse(KeyUse.SIGNATURE).build());
        }
        if (keyPair.getPublic() instanceof RSAPublicKey rsaPublic
                && keyPair.getPrivate() instanceof RSAPrivateKey rsaPrivate) {
            return new ClientKey(new RSAKey.Builder(rsaPublic).privateKey(rsaPrivate).keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE).build());
        }
        throw new IllegalArgumentException("The client key must be an EC or RSA key pair");
    }

    /** Generates a new EC P-256 key ({@code ES256}) with the given key id. */
    public static ClientKey generate(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return of(generator.generateKeyPair(), keyId);
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("This JVM cannot generate EC P-256 keys", e);
        }
    }

    /** The key id ({@code kid}) Signet finds the public key by. */
    public String keyId() {
        return jwk.getKeyID();
    }

    /** The JWS algorithm this key signs with: {@code ES256}, {@code ES384} or {@code RS256}. */
    public String algorithm() {
        return algorithm;
    }

    /** The private key, for signing. */
    public PrivateKey privateKey() {
        try {
            return jwk instanceof ECKey ec ? ec.toPrivateKey() : ((RSAKey) jwk).toPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("The client key cannot be converted to a Java private key", e);
        }
    }

    /** The whole key, private part included, as a JSON Web Key: keep it secret (a secret store, not the code). */
    public String privateJwk() {
        return jwk.toJSONString();
    }

    /** The public key as a JWK Set, for the relying-party registration ({@code jwks}). Not secret. */
    public String publicJwkSet() {
        return new JWKSet(jwk.toPublicJWK()).toString(true);
    }

    /** The public key as a single JWK. Not secret. */
    public String publicJwk() {
        return jwk.toPublicJWK().toJSONString();
    }

    private static String algorithmOf(JWK jwk) {
        if (jwk instanceof ECKey ec) {
            if (Curve.P_256.equals(ec.getCurve())) {
                return "ES256";
            }
            if (Curve.P_384.equals(ec.getCurve())) {
                return "ES384";
            }
            throw new IllegalArgumentException("EC client keys must be on curve P-256 or P-384");
        }
        if (jwk instanceof RSAKey rsa) {
            if (rsa.size() < 2048) {
                throw new IllegalArgumentException("RSA client keys must have at least 2048 bits");
            }
            return "RS256";
        }
        throw new IllegalArgumentException("The client key must be an EC or RSA key");
    }

    @Override
    public String toString() {
        return "ClientKey[kid=" + keyId() + ", alg=" + algorithm + "]";
    }
}
