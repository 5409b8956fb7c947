package dev.signet.connector;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser's return from an upstream provider, as Signet received it.
 *
 * @param callbackUri    the callback address used in {@link RedirectConnector#start} (token requests repeat it)
 * @param parameters     the callback's query or form parameters ({@code code}, {@code error}, ...)
 * @param connectorState what the connector returned in {@link Redirect#connectorState()}
 */
public record Callback(URI callbackUri, Map<String, List<String>> parameters, String connectorState) {

    public Callback {
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(connectorState, "connectorState");
        Map<String, List<String>> copy = new HashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Map.copyOf(copy);
    }

    /** The parameter's value when it was sent exactly once; empty when absent or repeated. */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Callback[callbackUri=" + callbackUri + ", parameters=" + parameters.keySet()
                + ", connectorState=(redacted)]";
    }
}
