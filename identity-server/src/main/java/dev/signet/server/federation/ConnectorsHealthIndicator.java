package dev.signet.server.federation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code connectors} health contributor (shown with its details in the {@code old-systems} group): each connector's circuit breaker ({@code closed}, {@code half_open},
 * {@code open}) and its consecutive failures. Always UP, and not in the readiness group: an old system that is down
 * takes away only signing in with that old account, so no instance should be taken out of service for it.
 */
@Component
class ConnectorsHealthIndicator implements HealthIndicator {

    private final ConnectorCircuits circuits;

    ConnectorsHealthIndicator(ConnectorCircuits circuits) {
        this.circuits = Objects.requireNonNull(circuits, "circuits");
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        circuits.breakers().forEach((id, breaker) -> details.put(id, Map.of(
                "circuitBreaker", breaker.state().name().toLowerCase(Locale.ROOT),
                "consecutiveFailures", breaker.consecutiveFailures())));
        return Health.up().withDetails(details).build();
    }
}
