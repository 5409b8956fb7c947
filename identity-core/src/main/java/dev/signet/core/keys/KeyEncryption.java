package dev.signet.core.keys;

import java.security.SecureRandom;

/**
 * Seals private key material with AES-256-GCM ({@link AesGcmSealer}) under the key-encryption key (KEK) itself. The
 * associated data binds each ciphertext to its key id, so a sealed private key copied onto another key's row does not
 * open.
 */
public final class KeyEncryption {

    private static final String AAD_PREFIX = "signet-signing-key:v1:";

    private final AesGcmSealer sealer;

    /** @param kek exactly 32 bytes (AES-256) */
    public KeyEncryption(byte[] kek, SecureRandom random) {
        this.sealer = AesGcmSealer.underKeyEncryptionKey(kek, AAD_PREFIX, random);
    }

    public byte[] seal(String kid, byte[] plaintext) {
        return sealer.seal(kid, plaintext);
    }

    /**
     * @throws KeyDecryptionException when the sealed bytes were changed, belong to another kid, or were sealed under
     *                                another key-encryption key
     */
    public byte[] open(String kid, byte[] sealed) {
        return sealer.open(kid, sealed).orElseThrow(() -> new KeyDecryptionException(kid));
    }

    /** A sealed private key that does not open under this key-encryption key. */
    public static final class KeyDecryptionException extends RuntimeException {

        KeyDecryptionException(String kid) {
            super("The private part of signing key '" + kid + "' cannot be decrypted: signet.keys.encryption-key is "
                    + "not the key it was encrypted with, or the stored key was altered");
        }
    }
}
