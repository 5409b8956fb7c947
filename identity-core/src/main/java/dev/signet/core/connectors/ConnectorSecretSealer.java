package dev.signet.core.connectors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a connector's secret settings (database passwords, bind passwords, client secrets, peppers) with AES-256-GCM,
 * as signing keys and authenticator-app secrets are sealed. The AES key is derived from the deployment's
 * key-encryption key ({@code signet.keys.encryption-key}) with HMAC-SHA-256 and a label of its own; the associated
 * data binds the ciphertext to the connector's id, so sealed secrets copied onto another connector's row do not open.
 * Format: {@code version(1) || nonce(12) || ciphertext+tag(16)}, the plaintext a JSON object of name to value.
 */
public final class ConnectorSecretSealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String KEY_LABEL = "signet-connector-secrets-key:v1";
    private static final String AAD_PREFIX = "signet-connector-secrets:v1:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param keyEncryptionKey the deployment's 32-byte key-encryption key */
    public ConnectorSecretSealer(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(derive(keyEncryptionKey), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@code secrets} (name to value) of connector {@code connectorId}, sealed; {@link SealedSecrets#NONE} if none. */
    public SealedSecrets seal(String connectorId, Map<String, String> secrets) {
        if (secrets.isEmpty()) {
            return SealedSecrets.NONE;
        }
        byte[] plaintext = JSON.writeValueAsBytes(new TreeMap<>(secrets));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, connectorId, nonce).doFinal(plaintext);
            return new SealedSecrets(secrets.keySet(), Optional.of(ByteBuffer
                    .allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * The secret settings of connector {@code connectorId}, name to value.
     *
     * @throws SecretsUnreadableException when the sealed bytes were altered, belong to another connector, or were
     *                                    sealed under another key-encryption key
     */
    public Map<String, String> open(String connectorId, SealedSecrets secrets) {
        if (secrets.sealed().isEmpty()) {
            return Map.of();
        }
        byte[] sealed = secrets.sealed().get();
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SecretsUnreadableException(connectorId);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        try {
            byte[] plaintext = cipher(Cipher.DECRYPT_MODE, connectorId, nonce).doFinal(sealed, 1 + NONCE_BYTES,
                    sealed.length - 1 - NONCE_BYTES);
            return Map.copyOf(JSON.readValue(plaintext, new TypeReference<Map<String, String>>() { }));
        } catch (AEADBadTagException e) {
            throw new SecretsUnreadableException(connectorId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, String connectorId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((AAD_PREFIX + connectorId).getBytes(StandardCharsets.UTF_8));
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

    /** Sealed secrets that do not open under this key. */
    public static final class SecretsUnreadableException extends RuntimeException {

        SecretsUnreadableException(String connectorId) {
            super("The secret settings of connector '" + connectorId + "' cannot be decrypted: "
                    + "signet.keys.encryption-key is not the key they were encrypted with, or the stored value was "
                    + "altered");
        }
    }
}
