package dev.signet.server.federation;

import dev.signet.connector.Connector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The open connectors, by id. Closes them (their pools, clients) when Signet stops. */
public final class ConnectorRegistry implements AutoCloseable {

    private final Map<String, Connector> byId;
    private final List<Connector> order;

    ConnectorRegistry(List<Connector> connectors) {
        Map<String, Connector> map = new LinkedHashMap<>();
        connectors.forEach(connector -> map.put(connector.instance().id(), connector));
        this.byId = Map.copyOf(map);
        this.order = List.copyOf(connectors);
    }

    /** The connector with {@code id}. */
    public Optional<Connector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every connector, in the file's order. */
    public List<Connector> all() {
        return order;
    }

    /** Every connector offering {@code capability}, in the file's order. */
    public <C> List<C> withCapability(Class<C> capability) {
        List<C> result = new ArrayList<>();
        order.forEach(connector -> connector.capability(capability).ifPresent(result::add));
        return result;
    }

    @Override
    public void close() {
        order.forEach(Connector::close);
    }
}
