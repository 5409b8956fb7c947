package dev.signet.server.clients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.clients.*}: where relying parties are declared and how long their signed assertions may live.
 *
 * @param file                  the relying-party file, read at start-up: {@code classpath:...}, {@code file:...} or a
 *                              plain filesystem path (format: docs/relying-parties.md)
 * @param assertionMaxLifetime  the longest a {@code private_key_jwt} client assertion or a request object may be
 *                              valid for (its {@code exp} at most this far in the future); bounds the replay cache
 */
@Validated
@ConfigurationProperties("signet.clients")
public record ClientsProperties(@NotBlank String file, @NotNull Duration assertionMaxLifetime) {

    public ClientsProperties {
        if (assertionMaxLifetime != null
                && (assertionMaxLifetime.isNegative() || assertionMaxLifetime.isZero()
                        || assertionMaxLifetime.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("signet.clients.assertion-max-lifetime must be more than 0 and at most "
                    + "1h, but was " + assertionMaxLifetime);
        }
    }
}
