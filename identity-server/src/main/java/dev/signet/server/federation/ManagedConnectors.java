package dev.signet.server.federation;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.connectors.StoredConnector;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The connectors kept in PostgreSQL, as the registry reads them: the store, the sealer that opens their secret
 * settings, and how often to look for changes.
 */
record ManagedConnectors(ConnectorStore store, ConnectorSecretSealer sealer, Duration refreshInterval) {

    ManagedConnectors {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
    }

    long version() {
        return store.catalogVersion();
    }

    List<StoredConnector> all() {
        return store.findAll();
    }

    /** A stored connector as its type opens it: the plain settings and the opened secret ones together. */
    ConnectorDefinition definition(ConnectorRecord connector) {
        Map<String, String> settings = new HashMap<>(connector.settings());
        settings.putAll(sealer.open(connector.id(), connector.secrets()));
        return new ConnectorDefinition(new ConnectorInstance(connector.id(), connector.displayName(),
                connector.welshDisplayName(), connector.department()), connector.type(),
                ConnectorSettings.of(settings));
    }
}
