package dev.signet.server.federation;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.connectors.*}: where the legacy sign-in connectors are declared.
 *
 * @param file the connectors file, read at start-up: {@code classpath:...}, {@code file:...} or a plain filesystem
 *             path (format: docs/legacy-database-connector.md and connector-sdk/README.md)
 */
@Validated
@ConfigurationProperties("signet.connectors")
public record ConnectorsProperties(@NotBlank String file) {
}
