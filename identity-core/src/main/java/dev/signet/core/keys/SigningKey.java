package dev.signet.core.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One token-signing key as stored: published (in JWKS) from {@code createdAt} until {@code expiresAt}, used to sign
 * from {@code activatesAt} until {@code retiresAt}.
 *
 * @param kid              the key id, unique across all keys ever made
 * @param algorithm        what it signs with
 * @param publicJwk        the public JWK as JSON, exactly as published
 * @param sealedPrivateKey the private JWK, sealed by {@link KeyEncryption} under the key-encryption key
 */
public record SigningKey(String kid, SigningAlgorithm algorithm, String publicJwk, byte[] sealedPrivateKey,
        Instant createdAt, Instant activatesAt, Instant retiresAt, Instant expiresAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(sealedPrivateKey, "sealedPrivateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatesAt, "activatesAt");
        Objects.requireNonNull(retiresAt, "retiresAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (activatesAt.isBefore(createdAt) || !retiresAt.isAfter(activatesAt) || expiresAt.isBefore(retiresAt)) {
            throw new IllegalArgumentException("Signing key " + kid + " needs created <= activates < retires <= expires");
        }
        sealedPrivateKey = sealedPrivateKey.clone();
    }

    @Override
    public byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }

    /** May sign at {@code instant}. */
    public boolean signsAt(Instant instant) {
        return !instant.isBefore(activatesAt) && instant.isBefore(retiresAt);
    }

    /** Belongs in JWKS at {@code instant}. */
    public boolean publishedAt(Instant instant) {
        return instant.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && kid.equals(key.kid) && algorithm == key.algorithm
                && publicJwk.equals(key.publicJwk) && Arrays.equals(sealedPrivateKey, key.sealedPrivateKey)
                && createdAt.equals(key.createdAt) && activatesAt.equals(key.activatesAt)
                && retiresAt.equals(key.retiresAt) && expiresAt.equals(key.expiresAt);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", alg=" + algorithm + ", activates=" + activatesAt + ", retires=" + retiresAt
                + ", expires=" + expiresAt + "]";
    }
}
