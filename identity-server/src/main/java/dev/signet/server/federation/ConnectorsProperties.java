package dev.signet.server.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.connectors.*}: where the legacy sign-in connectors are declared, how soon an instance sees connectors
 * changed through the admin API, and how Signet stops calling one that does not answer.
 *
 * @param file            the connectors file, read at start-up: {@code classpath:...}, {@code file:...} or a plain
 *                        filesystem path (format: docs/legacy-database-connector.md and connector-sdk/README.md)
 * @param refreshInterval how often, at most, an instance asks PostgreSQL whether a connector was created, changed or
 *                        disabled through the admin API (one read of one number); {@code PT0S} asks on every use
 * @param circuitBreaker  {@code signet.connectors.circuit-breaker.*}, the same for every connector, each counted on
 *                        its own (docs/operations.md "When an old system fails")
 */
@Validated
@ConfigurationProperties("signet.connectors")
public record ConnectorsProperties(@NotBlank String file, @DefaultValue("PT2S") Duration refreshInterval,
        @Valid @DefaultValue CircuitBreakerSettings circuitBreaker) {

    public ConnectorsProperties {
        if (refreshInterval == null || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("signet.connectors.refresh-interval must be zero or positive");
        }
    }

    /**
     * @param failureThreshold consecutive calls a connector could not answer (down, timed out, broken) after which
     *                         Signet stops calling it and tells citizens at once that the old system is unavailable
     * @param openFor          how long it then stays untried, before one sign-in is let through to probe it
     */
    public record CircuitBreakerSettings(@DefaultValue("5") @Min(1) int failureThreshold,
            @DefaultValue("30s") @NotNull Duration openFor) {

        public CircuitBreakerSettings {
            if (openFor != null && (openFor.isNegative() || openFor.isZero())) {
                throw new IllegalArgumentException(
                        "signet.connectors.circuit-breaker.open-for must be a positive duration, such as 30s, but was "
                                + openFor);
            }
        }
    }
}
