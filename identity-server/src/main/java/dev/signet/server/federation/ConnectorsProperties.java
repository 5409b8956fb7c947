package dev.signet.server.federation;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.connectors.*}: where the legacy sign-in connectors are declared.
 *
 * @param file            the connectors file, read at start-up: {@code classpath:...}, {@code file:...} or a plain
 *                        filesystem path (format: docs/legacy-database-connector.md and connector-sdk/README.md)
 * @param refreshInterval how often, at most, an instance asks PostgreSQL whether a connector was created, changed or
 *                        disabled through the admin API (one read of one number); {@code PT0S} asks on every use
 */
@Validated
@ConfigurationProperties("signet.connectors")
public record ConnectorsProperties(@NotBlank String file, @DefaultValue("PT2S") Duration refreshInterval) {

    public ConnectorsProperties {
        if (refreshInterval == null || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("signet.connectors.refresh-interval must be zero or positive");
        }
    }
}
