package dev.signet.core.mfa.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals authenticator-app secrets with AES-256-GCM, as signing keys are sealed (dev.signet.core.keys.KeyEncryption).
 * The AES key is derived from the deployment's key-encryption key with HMAC-SHA-256 and a label of its own, so a TOTP
 * secret and a signing key are never encrypted under the same key. The associated data binds each ciphertext to its
 * factor id: a sealed secret copied onto another account's row does not open. Format:
 * {@code version(1) || nonce(12) || ciphertext+tag(16)}.
 */
public final class TotpSecretSealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String KEY_LABEL = "signet-totp-secret-key:v1";
    private static final String AAD_PREFIX = "signet-totp-secret:v1:";

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param keyEncryptionKey the deployment's 32-byte key-encryption key */
    public TotpSecretSealer(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(derive(keyEncryptionKey), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    public byte[] seal(UUID factorId, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, factorId, nonce).doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws SecretUnreadableException when the sealed bytes were altered, belong to another factor, or were sealed
     *                                   under another key-encryption key
     */
    public byte[] open(UUID factorId, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SecretUnreadableException(factorId);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, factorId, nonce).doFinal(sealed, 1 + NONCE_BYTES,
                    sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException(factorId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, UUID factorId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((AAD_PREFIX + factorId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] derive(byte[] keyEncryptionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyEncryptionKey, "HmacSHA256"));
            return mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A sealed secret that does not open under this key. */
    public static final class SecretUnreadableException extends RuntimeException {

        SecretUnreadableException(UUID factorId) {
            super("The authenticator-app secret of second factor " + factorId + " cannot be decrypted: "
                    + "signet.keys.encryption-key is not the key it was encrypted with, or the stored value was altered");
        }
    }
}
