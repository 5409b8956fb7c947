package dev.signet.server.credentials;

import dev.signet.core.code.CodeDigester;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.codes.*}: one-time codes sent by email (docs/credentials.md).
 *
 * @param maxAttempts wrong tries allowed per code before it is withdrawn (1..10)
 * @param timeToLive  how long a code lives (1 minute .. 1 hour)
 * @param hmacKey     Base64 key (at least 32 bytes) for the HMAC under which codes are stored; unset: a random key per
 *                    process, or, with Redis, one kept in Redis and shared by every instance
 */
@Validated
@ConfigurationProperties("signet.codes")
public record CodesProperties(int maxAttempts, @NotNull Duration timeToLive, String hmacKey) {

    public CodesProperties {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("signet.codes.max-attempts must be from 1 to 10, but was "
                    + maxAttempts);
        }
        if (timeToLive != null
                && (timeToLive.compareTo(Duration.ofMinutes(1)) < 0 || timeToLive.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("signet.codes.time-to-live must be from 1m to 1h, but was "
                    + timeToLive);
        }
        if (hmacKey != null && !hmacKey.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(hmacKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signet.codes.hmac-key must be Base64");
            }
            if (key.length < CodeDigester.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("signet.codes.hmac-key must be at least "
                        + CodeDigester.MIN_KEY_BYTES + " bytes (Base64 of 32 random bytes: openssl rand -base64 32)");
            }
        }
    }

    /** The configured key, decoded, or null. */
    byte[] key() {
        return hmacKey == null || hmacKey.isBlank() ? null : Base64.getDecoder().decode(hmacKey.strip());
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "CodesProperties[maxAttempts=" + maxAttempts + ", timeToLive=" + timeToLive + ", hmacKey="
                + (key() == null ? "unset" : "set") + "]";
    }
}
