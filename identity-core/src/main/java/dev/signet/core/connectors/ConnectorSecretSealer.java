package dev.signet.core.connectors;

import dev.signet.core.keys.AesGcmSealer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a connector's secret settings (database passwords, bind passwords, client secrets, peppers) with AES-256-GCM
 * ({@link AesGcmSealer}, as signing keys and authenticator-app secrets are sealed). The AES key is derived from the
 * deployment's key-encryption key ({@code signet.keys.encryption-key}) with HMAC-SHA-256 and a label of its own; the
 * associated data binds the ciphertext to the connector's id, so sealed secrets copied onto another connector's row do
 * not open. The plaintext is a JSON object of name to value.
 */
public final class ConnectorSecretSealer {

    private static final String KEY_LABEL = "signet-connector-secrets-key:v1";
    private static final String AAD_PREFIX = "signet-connector-secrets:v1:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AesGcmSealer sealer;

    /** @param keyEncryptionKey the deployment's 32-byte key-encryption key */
    public ConnectorSecretSealer(byte[] keyEncryptionKey, SecureRandom random) {
        this.sealer = AesGcmSealer.underDerivedKey(keyEncryptionKey, KEY_LABEL, AAD_PREFIX, random);
    }

    /** {@code secrets} (name to value) of connector {@code connectorId}, sealed; {@link SealedSecrets#NONE} if none. */
    public SealedSecrets seal(String connectorId, Map<String, String> secrets) {
        if (secrets.isEmpty()) {
            return SealedSecrets.NONE;
        }
        byte[] plaintext = JSON.writeValueAsBytes(new TreeMap<>(secrets));
        try {
            return new SealedSecrets(secrets.keySet(), Optional.of(sealer.seal(connectorId, plaintext)));
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
        byte[] plaintext = sealer.open(connectorId, secrets.sealed().get())
                .orElseThrow(() -> new SecretsUnreadableException(connectorId));
        return Map.copyOf(JSON.readValue(plaintext, new TypeReference<Map<String, String>>() { }));
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
