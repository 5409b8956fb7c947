package dev.signet.server.federation;

import dev.signet.connector.RedirectStartOutcome;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every call Signet makes to an old system goes through here, under that connector's {@link CircuitBreaker}: while a
 * connector's breaker is open the call is not made and the outcome is {@link Unavailable} at once, so the citizen
 * sees "the old system is unavailable" without waiting for a timeout, and other connectors and sign-in methods are
 * untouched (each connector has its own breaker; Signet's own sign-in never comes here).
 *
 * <p>Metrics, tagged with the connector's id (Prometheus names in brackets):
 * <ul>
 *   <li>{@code signet.connectors.circuit.state} ({@code signet_connectors_circuit_state}): 0 closed, 1 half-open,
 *       2 open;</li>
 *   <li>{@code signet.connectors.circuit.opened} ({@code signet_connectors_circuit_opened_total}): times it opened;</li>
 *   <li>{@code signet.connectors.circuit.refused} ({@code signet_connectors_circuit_refused_total}): calls not made
 *       because it was open.</li>
 * </ul>
 */
@Component
public class ConnectorCircuits {

    private static final Logger log = LoggerFactory.getLogger(ConnectorCircuits.class);

    private final Map<String, CircuitBreaker> breakers;
    private final MeterRegistry meters;

    ConnectorCircuits(ConnectorRegistry registry, ConnectorsProperties properties, MeterRegistry meters, Clock clock) {
        this.meters = Objects.requireNonNull(meters, "meters");
        ConnectorsProperties.CircuitBreakerSettings settings = properties.circuitBreaker();
        Map<String, CircuitBreaker> byId = new LinkedHashMap<>();
        registry.all().forEach(connector -> {
            String id = connector.instance().id();
            CircuitBreaker breaker = new CircuitBreaker(settings.failureThreshold(), settings.openFor(), clock);
            byId.put(id, breaker);
            Gauge.builder("signet.connectors.circuit.state", breaker, b -> b.state().gaugeValue())
                    .description("0 closed, 1 half-open (one call let through), 2 open (calls refused)")
                    .tag("connector", id).register(meters);
        });
        this.breakers = Collections.unmodifiableMap(byId);
    }

    /** A password check or an upstream callback, unless the connector's breaker is open. */
    public SignInOutcome signIn(String connectorId, Supplier<SignInOutcome> call) {
        return guarded(connectorId, call);
    }

    /** The start of an upstream sign-in, unless the connector's breaker is open. */
    public RedirectStartOutcome start(String connectorId, Supplier<RedirectStartOutcome> call) {
        return guarded(connectorId, call);
    }

    /** Each connector's breaker state, in the connectors file's order (for health). */
    Map<String, CircuitBreaker> breakers() {
        return breakers;
    }

    @SuppressWarnings("unchecked")
    private <T> T guarded(String connectorId, Supplier<T> call) {
        CircuitBreaker breaker = breakers.get(connectorId);
        if (breaker == null) {
            return call.get();
        }
        if (!breaker.tryAcquire()) {
            meters.counter("signet.connectors.circuit.refused", "connector", connectorId).increment();
            // Unavailable is an outcome of every kind of call guarded here.
            return (T) new Unavailable("not called: the circuit breaker is open after repeated failures");
        }
        T outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException | Error e) {
            failed(connectorId, breaker);
            throw e;
        }
        if (outcome instanceof Unavailable) {
            failed(connectorId, breaker);
        } else {
            boolean wasOpen = breaker.state() != CircuitBreaker.State.CLOSED;
            breaker.succeeded();
            if (wasOpen) {
                log.info("Connector {} answers again: circuit breaker closed", connectorId);
            }
        }
        return outcome;
    }

    private void failed(String connectorId, CircuitBreaker breaker) {
        if (breaker.failed()) {
            meters.counter("signet.connectors.circuit.opened", "connector", connectorId).increment();
            log.warn("Connector {} did not answer {} times in a row: circuit breaker open, calls refused for a while",
                    connectorId, breaker.consecutiveFailures());
        }
    }
}
