package dev.signet.core.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * A connector as PostgreSQL holds it.
 *
 * @param connector what was declared
 * @param source    who manages it: the connectors file, or operators through the admin API
 * @param seq       its position in lists (creation order)
 * @param version   moves on every change: the admin API's ETag
 * @param createdAt when it was first stored
 * @param updatedAt when it last changed
 */
public record StoredConnector(ConnectorRecord connector, Source source, long seq, long version, Instant createdAt,
        Instant updatedAt) {

    public StoredConnector {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String id() {
        return connector.id();
    }

    /** Who manages a connector. */
    public enum Source {
        /** Declared in the connectors file; identity-server rewrites it at start-up. */
        FILE,
        /** Created or changed through the admin API; the file's entry with the same id, if any, is ignored. */
        ADMIN
    }
}
