package dev.signet.admin.connectors;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connector management settings, under {@code signet.admin.connectors.*}.
 *
 * @param encryptionKey   identity-server's key-encryption key ({@code signet.keys.encryption-key}, base64 of 32 bytes):
 *                        connectors' secret settings are sealed under a key derived from it, so both applications
 *                        need the same value. Without it, connectors without secret settings can still be managed
 * @param testTimeout     the longest a reachability test waits for the old system
 * @param progressTimeout the longest the progress view spends listing the old system's users
 * @param progressMaxUsers the most users the progress view lists before it gives up counting who is still to come
 */
@ConfigurationProperties("signet.admin.connectors")
public record ConnectorAdminProperties(
        Optional<String> encryptionKey,
        @DefaultValue("PT10S") Duration testTimeout,
        @DefaultValue("PT30S") Duration progressTimeout,
        @DefaultValue("100000") int progressMaxUsers) {

    public ConnectorAdminProperties {
        encryptionKey = encryptionKey == null ? Optional.empty() : encryptionKey.filter(key -> !key.isBlank());
        encryptionKey.ifPresent(key -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signet.admin.connectors.encryption-key must be base64 (openssl "
                        + "rand -base64 32), the same value as identity-server's signet.keys.encryption-key");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException("signet.admin.connectors.encryption-key must decode to 32 bytes, "
                        + "the same value as identity-server's signet.keys.encryption-key");
            }
        });
        if (testTimeout.isNegative() || testTimeout.isZero() || progressTimeout.isNegative()
                || progressTimeout.isZero()) {
            throw new IllegalArgumentException("signet.admin.connectors.test-timeout and progress-timeout must be "
                    + "positive durations");
        }
        if (progressMaxUsers < 1) {
            throw new IllegalArgumentException("signet.admin.connectors.progress-max-users must be at least 1");
        }
    }

    Optional<byte[]> encryptionKeyBytes() {
        return encryptionKey.map(key -> Base64.getDecoder().decode(key.trim()));
    }
}
