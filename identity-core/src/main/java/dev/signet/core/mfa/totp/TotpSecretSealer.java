package dev.signet.core.mfa.totp;

import dev.signet.core.keys.AesGcmSealer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Seals authenticator-app secrets with AES-256-GCM ({@link AesGcmSealer}, the format signing keys are sealed in).
 * The AES key is derived from the deployment's key-encryption key with HMAC-SHA-256 and a label of its own, so a TOTP
 * secret and a signing key are never encrypted under the same key. The associated data binds each ciphertext to its
 * factor id: a sealed secret copied onto another account's row does not open.
 */
public final class TotpSecretSealer {

    private static final String KEY_LABEL = "signet-totp-secret-key:v1";
    private static final String AAD_PREFIX = "signet-totp-secret:v1:";

    private final AesGcmSealer sealer;

    /** @param keyEncryptionKey the deployment's 32-byte key-encryption key */
    public TotpSecretSealer(byte[] keyEncryptionKey, SecureRandom random) {
        this.sealer = AesGcmSealer.underDerivedKey(keyEncryptionKey, KEY_LABEL, AAD_PREFIX, random);
    }

    public byte[] seal(UUID factorId, byte[] secret) {
        return sealer.seal(factorId.toString(), secret);
    }

    /**
     * @throws SecretUnreadableException when the sealed bytes were altered, belong to another factor, or were sealed
     *                                   under another key-encryption key
     */
    public byte[] open(UUID factorId, byte[] sealed) {
        return sealer.open(factorId.toString(), sealed).orElseThrow(() -> new SecretUnreadableException(factorId));
    }

    /** A sealed secret that does not open under this key. */
    public static final class SecretUnreadableException extends RuntimeException {

        SecretUnreadableException(UUID factorId) {
            super("The authenticator-app secret of second factor " + factorId + " cannot be decrypted: "
                    + "signet.keys.encryption-key is not the key it was encrypted with, or the stored value was altered");
        }
    }
}
