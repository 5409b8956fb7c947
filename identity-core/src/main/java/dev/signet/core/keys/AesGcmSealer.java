package dev.signet.core.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one AES-256-GCM sealing format Signet stores secrets in (signing keys, authenticator-app secrets, connector
 * secrets): {@code version(1) || nonce(12) || ciphertext+tag(16)}, a fresh random nonce per seal. The associated data
 * is a purpose prefix followed by the owner's id, so a sealed value copied onto another row does not open. Each
 * purpose keeps its own prefix (and, for anything but signing keys, its own AES key derived from the key-encryption
 * key), so values sealed for one purpose never open as another. Prefixes and labels are part of the stored format:
 * changing one makes every value already stored under it unreadable.
 */
public final class AesGcmSealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String aadPrefix;
    private final SecureRandom random;

    private AesGcmSealer(byte[] aesKey, String aadPrefix, SecureRandom random) {
        this.key = new SecretKeySpec(aesKey, "AES");
        this.aadPrefix = Objects.requireNonNull(aadPrefix, "aadPrefix");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Seals under the key-encryption key itself (how signing keys have always been sealed). */
    public static AesGcmSealer underKeyEncryptionKey(byte[] keyEncryptionKey, String aadPrefix, SecureRandom random) {
        return new AesGcmSealer(checked(keyEncryptionKey).clone(), aadPrefix, random);
    }

    /** Seals under HMAC-SHA-256(key-encryption key, {@code keyLabel}), a key of this purpose's own. */
    public static AesGcmSealer underDerivedKey(byte[] keyEncryptionKey, String keyLabel, String aadPrefix,
            SecureRandom random) {
        return new AesGcmSealer(derive(checked(keyEncryptionKey), keyLabel), aadPrefix, random);
    }

    public byte[] seal(String ownerId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, ownerId, nonce).doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext, or empty when the sealed bytes were altered, belong to another owner, or were sealed under
     * another key; each caller says in its own words which stored value could not be read.
     */
    public Optional<byte[]> open(String ownerId, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            return Optional.empty();
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, ownerId, nonce).doFinal(sealed, 1 + NONCE_BYTES,
                    sealed.length - 1 - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, String ownerId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((aadPrefix + ownerId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] checked(byte[] keyEncryptionKey) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes (AES-256), but was "
                    + keyEncryptionKey.length + " bytes");
        }
        return keyEncryptionKey;
    }

    private static byte[] derive(byte[] keyEncryptionKey, String keyLabel) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyEncryptionKey, "HmacSHA256"));
            return mac.doFinal(keyLabel.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
