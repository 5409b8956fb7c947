package dev.signet.server.federation;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorTypes;
import dev.signet.core.connectors.ConnectorMigration;
import dev.signet.core.connectors.StoredConnector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors in force, by id: those of the connectors file, and those managed through the admin API (kept in
 * PostgreSQL), which replace a file entry with the same id. Enabled connectors are open; a disabled one is known
 * (its name and department still label the identities linked through it) but offers nothing.
 *
 * <p>Changes made through the admin API reach every instance without a restart: at most once per
 * {@code signet.connectors.refresh-interval}, a use of the registry reads the catalog version (one number that every
 * change to a stored connector moves) and, when it moved, reopens what changed. Unchanged connectors keep their
 * pools; replaced and disabled ones are closed. Closes every connector when Signet stops.
 */
public final class ConnectorRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);

    /** One known connector: open when enabled and its settings could be opened. */
    private record Entry(ConnectorDefinition definition, boolean enabled, Optional<Connector> open,
            Optional<ConnectorMigration> managedMigration) {
    }

    private record Snapshot(long version, Map<String, Entry> byId) {
    }

    private final List<ConnectorDefinition> fileDefinitions;
    private final ConnectorTypes types;
    private final Optional<ManagedConnectors> managed;
    private volatile Snapshot snapshot;
    private volatile long lastCheck;

    /** The file's connectors only, opened; nothing is read from PostgreSQL. */
    ConnectorRegistry(List<Connector> opened) {
        this.fileDefinitions = List.of();
        this.types = null;
        this.managed = Optional.empty();
        Map<String, Entry> byId = new LinkedHashMap<>();
        opened.forEach(connector -> byId.put(connector.instance().id(), new Entry(null, true, Optional.of(connector),
                Optional.empty())));
        this.snapshot = new Snapshot(-1, byId);
    }

    /** The file's connectors and those in PostgreSQL, read now and whenever the catalog version moves. */
    ConnectorRegistry(List<ConnectorDefinition> fileDefinitions, ConnectorTypes types, ManagedConnectors managed) {
        this.fileDefinitions = List.copyOf(fileDefinitions);
        this.types = types;
        this.managed = Optional.of(managed);
        this.snapshot = new Snapshot(Long.MIN_VALUE, Map.of());
        this.lastCheck = System.nanoTime();
        reload(managed.version());
    }

    /** The enabled connector with {@code id}. */
    public Optional<Connector> find(String id) {
        Entry entry = current().byId().get(id);
        return entry == null ? Optional.empty() : entry.open();
    }

    /** Who the connector with {@code id} is, enabled or not: linked identities keep its name and department. */
    public Optional<ConnectorInstance> instance(String id) {
        Entry entry = current().byId().get(id);
        if (entry == null) {
            return Optional.empty();
        }
        return entry.definition() != null ? Optional.of(entry.definition().instance())
                : entry.open().map(Connector::instance);
    }

    /** The migration settings of a connector managed through the admin API; empty for the file's connectors. */
    public Optional<ConnectorMigration> managedMigration(String id) {
        Entry entry = current().byId().get(id);
        return entry == null ? Optional.empty() : entry.managedMigration();
    }

    /** Every enabled connector: the file's in its order, then the admin API's in creation order. */
    public List<Connector> all() {
        return current().byId().values().stream().map(Entry::open).flatMap(Optional::stream).toList();
    }

    /** Every enabled connector offering {@code capability}, in the order of {@link #all()}. */
    public <C> List<C> withCapability(Class<C> capability) {
        List<C> result = new ArrayList<>();
        all().forEach(connector -> connector.capability(capability).ifPresent(result::add));
        return result;
    }

    /** The connectors the file declares, as validated at start-up. */
    public List<ConnectorDefinition> fileDefinitions() {
        return fileDefinitions;
    }

    private Snapshot current() {
        if (managed.isEmpty() || System.nanoTime() - lastCheck < managed.get().refreshInterval().toNanos()) {
            return snapshot;
        }
        synchronized (this) {
            if (System.nanoTime() - lastCheck >= managed.get().refreshInterval().toNanos()) {
                lastCheck = System.nanoTime();
                try {
                    long version = managed.get().version();
                    if (version != snapshot.version()) {
                        reload(version);
                    }
                } catch (RuntimeException e) {
                    // PostgreSQL unreachable: keep serving what was last read, and look again after the interval.
                    log.warn("Could not check connectors for changes: {}", e.getClass().getSimpleName());
                }
            }
        }
        return snapshot;
    }

    private synchronized void reload(long version) {
        List<StoredConnector> stored = managed.orElseThrow().all();
        Set<String> takenOver = stored.stream().filter(row -> row.source() == StoredConnector.Source.ADMIN)
                .map(StoredConnector::id).collect(Collectors.toSet());
        Map<String, Entry> previous = snapshot.byId();
        Map<String, Entry> next = new LinkedHashMap<>();
        for (ConnectorDefinition definition : fileDefinitions) {
            if (!takenOver.contains(definition.instance().id())) {
                next.put(definition.instance().id(), fileEntry(definition, previous));
            }
        }
        for (StoredConnector row : stored) {
            if (row.source() == StoredConnector.Source.ADMIN) {
                try {
                    next.put(row.id(), entry(managed.get().definition(row.connector()), row.connector().enabled(),
                            Optional.of(row.connector().migration()), previous));
                } catch (RuntimeException e) {
                    log.error("Connector {} cannot be used: its secret settings do not open ({})", row.id(),
                            e.getClass().getSimpleName());
                }
            }
        }
        // Unmodifiable, not Map.copyOf: all() keeps this insertion order.
        snapshot = new Snapshot(version, Collections.unmodifiableMap(next));
        previous.values().forEach(old -> old.open().ifPresent(connector -> {
            Entry now = next.get(connector.instance().id());
            if (now == null || now.open().filter(same -> same == connector).isEmpty()) {
                connector.close();
            }
        }));
        log.info("Connectors in force: {}", next.values().stream().filter(Entry::enabled)
                .map(entry -> entry.definition().instance().id()).toList());
    }

    /**
     * A file connector's entry. On the first load a file connector that does not open stops the start, naming the
     * setting, as it always has; a stored connector never stops the others.
     */
    private Entry fileEntry(ConnectorDefinition definition, Map<String, Entry> previous) {
        if (snapshot.version() == Long.MIN_VALUE) {
            return new Entry(definition, true, Optional.of(types.open(definition)), Optional.empty());
        }
        return entry(definition, true, Optional.empty(), previous);
    }

    /** An entry for {@code definition}, reusing the connector already open for exactly the same definition. */
    private Entry entry(ConnectorDefinition definition, boolean enabled, Optional<ConnectorMigration> migration,
            Map<String, Entry> previous) {
        if (!enabled) {
            return new Entry(definition, false, Optional.empty(), migration);
        }
        Entry before = previous.get(definition.instance().id());
        if (before != null && before.open().isPresent() && definition.equals(before.definition())) {
            return new Entry(definition, true, before.open(), migration);
        }
        try {
            return new Entry(definition, true, Optional.of(types.open(definition)), migration);
        } catch (RuntimeException e) {
            // A stored connector that no longer opens (its type is missing here, or its settings stopped being valid)
            // is left out rather than stopping sign-in for every other connector.
            log.error("Connector {} cannot be opened: {}", definition.instance().id(), e.getMessage());
            return new Entry(definition, false, Optional.empty(), migration);
        }
    }

    @Override
    public void close() {
        snapshot.byId().values().forEach(entry -> entry.open().ifPresent(Connector::close));
    }
}
