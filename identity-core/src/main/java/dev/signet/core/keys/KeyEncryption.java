package dev.signet.core.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private key material with AES-256-GCM under the key-encryption key (KEK). The associated data binds each
 * ciphertext to its key id, so a sealed private key copied onto another key's row does not open. Format:
 * {@code version(1) || nonce(12) || ciphertext+tag(16)}; a fresh random nonce per seal.
 */
public final class KeyEncryption {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "signet-signing-key:v1:";

    private final SecretKeySpec kek;
    private final SecureRandom random;

    /** @param kek exactly 32 bytes (AES-256) */
    public KeyEncryption(byte[] kek, SecureRandom random) {
        Objects.requireNonNull(kek, "kek");
        if (kek.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes (AES-256), but was "
                    + kek.length + " bytes");
        }
        this.kek = new SecretKeySpec(kek.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    public byte[] seal(String kid, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, nonce);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws KeyDecryptionException when the sealed bytes were changed, belong to another kid, or were sealed under
     *                                another key-encryption key
     */
    public byte[] open(String kid, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new KeyDecryptionException(kid);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, kid, nonce);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new KeyDecryptionException(kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, String kid, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((AAD_PREFIX + kid).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed private key that does not open under this key-encryption key. */
    public static final class KeyDecryptionException extends RuntimeException {

        KeyDecryptionException(String kid) {
            super("The private part of signing key '" + kid + "' cannot be decrypted: signet.keys.encryption-key is "
                    + "not the key it was encrypted with, or the stored key was altered");
        }
    }
}
