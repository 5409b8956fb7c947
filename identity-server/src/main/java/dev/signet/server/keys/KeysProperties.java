package dev.signet.server.keys;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.keys.*}: the provider's token-signing keys (docs/signing-keys.md).
 *
 * @param encryptionKey   the key-encryption key (base64 of 32 random bytes) that seals private keys in the database;
 *                        required with an external database, generated into the data directory by the embedded default
 * @param rotationPeriod  how long each key signs
 * @param overlap         how long a new key is published before it signs, and a retired key after it stopped
 * @param refreshInterval how often each instance reloads the keys from the database (and checks for rotation)
 * @param jwksMaxAge      {@code Cache-Control: max-age} of the JWKS response; less than the overlap
 */
@Validated
@ConfigurationProperties("signet.keys")
public record KeysProperties(String encryptionKey, @NotNull Duration rotationPeriod, @NotNull Duration overlap,
        @NotNull Duration refreshInterval, @NotNull Duration jwksMaxAge) {

    /**
     * The longest lifetime of a JWT Signet signs: ID tokens (30 minutes, fixed by the authorization server) outlive
     * access tokens (5 minutes) and logout tokens (at most 10 minutes). A retired key must stay published at least
     * this long after its last token, and a new key be published long enough before use for JWKS caches to refresh:
     * hence the overlap is at least twice this.
     */
    static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofMinutes(30);

    public KeysProperties {
        positive("signet.keys.rotation-period", rotationPeriod);
        positive("signet.keys.overlap", overlap);
        positive("signet.keys.refresh-interval", refreshInterval);
        positive("signet.keys.jwks-max-age", jwksMaxAge);
        if (overlap != null && overlap.compareTo(LONGEST_TOKEN_LIFETIME.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("signet.keys.overlap must be at least "
                    + LONGEST_TOKEN_LIFETIME.multipliedBy(2) + " (twice the longest token lifetime, "
                    + LONGEST_TOKEN_LIFETIME + "), but was " + overlap);
        }
        if (overlap != null && rotationPeriod != null && rotationPeriod.compareTo(overlap.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("signet.keys.rotation-period must be at least twice "
                    + "signet.keys.overlap (" + overlap.multipliedBy(2) + "), but was " + rotationPeriod);
        }
        if (overlap != null && jwksMaxAge != null
                && jwksMaxAge.plus(LONGEST_TOKEN_LIFETIME).compareTo(overlap) > 0) {
            throw new IllegalArgumentException("signet.keys.jwks-max-age must be at most signet.keys.overlap minus "
                    + LONGEST_TOKEN_LIFETIME + " (" + overlap.minus(LONGEST_TOKEN_LIFETIME) + "), but was "
                    + jwksMaxAge);
        }
        if (overlap != null && refreshInterval != null && refreshInterval.multipliedBy(4).compareTo(overlap) > 0) {
            throw new IllegalArgumentException("signet.keys.refresh-interval must be at most a quarter of "
                    + "signet.keys.overlap, but was " + refreshInterval);
        }
        if (encryptionKey != null && !encryptionKey.isBlank()) {
            decode(encryptionKey); // fail at start-up, not at first use
        }
    }

    /** The configured key-encryption key, if any. */
    Optional<byte[]> encryptionKeyBytes() {
        return encryptionKey == null || encryptionKey.isBlank() ? Optional.empty() : Optional.of(decode(encryptionKey));
    }

    /** The key never appears in a message. */
    private static byte[] decode(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signet.keys.encryption-key must be base64 (e.g. the output of "
                    + "'openssl rand -base64 32'), but is not");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("signet.keys.encryption-key must decode to 32 bytes (AES-256), but "
                    + "decodes to " + bytes.length);
        }
        return bytes;
    }

    /** Overrides the record's accessor so that the key is never printed with the settings. */
    @Override
    public String toString() {
        return "KeysProperties[encryptionKey=" + (encryptionKey == null ? "unset" : "***") + ", rotationPeriod="
                + rotationPeriod + ", overlap=" + overlap + ", refreshInterval=" + refreshInterval + ", jwksMaxAge="
                + jwksMaxAge + "]";
    }

    private static void positive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be a positive duration, but was " + value);
        }
    }
}
