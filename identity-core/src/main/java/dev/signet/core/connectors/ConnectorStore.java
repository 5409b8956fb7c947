package dev.signet.core.connectors;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for connectors; PostgreSQL is the store of record ({@code jdbc.JdbcConnectorStore}, migration V97).
 * Every change moves the {@linkplain #catalogVersion() catalog version}, which identity-server instances poll to reopen
 * connectors changed anywhere.
 */
public interface ConnectorStore {

    /** Every connector, enabled or not, in creation order. */
    List<StoredConnector> findAll();

    Optional<StoredConnector> find(String id);

    /** Up to {@code limit} connectors after position {@code afterSeq} (0 for the first page), in creation order. */
    List<StoredConnector> page(long afterSeq, int limit);

    /**
     * Stores a new connector managed through the admin API.
     *
     * @throws AlreadyExistsException when a connector with its id exists
     */
    StoredConnector create(ConnectorRecord connector);

    /**
     * Replaces the connector with id {@code connector.id()} if it is still at {@code expectedVersion}; it becomes
     * managed through the admin API. Empty when it changed meanwhile or is gone.
     */
    Optional<StoredConnector> update(ConnectorRecord connector, long expectedVersion);

    /**
     * Writes the connectors file's declarations: each one not taken over by the admin API is inserted or replaced, and
     * file connectors no longer declared are removed.
     *
     * @param sameSecrets whether a stored connector's sealed secrets hold the same values as the declared ones (sealing
     *                    uses a fresh nonce, so only the key holder can tell); unchanged entries are not rewritten,
     *                    so a restart does not make every instance reopen them
     * @return the ids in {@code declared} that the admin API manages, whose file entries were therefore not written
     */
    List<String> replaceFileDeclared(List<ConnectorRecord> declared, SecretsEquality sameSecrets);

    /** Compares sealed secrets by their values. */
    @FunctionalInterface
    interface SecretsEquality {
        boolean same(String connectorId, SealedSecrets stored, SealedSecrets declared);
    }

    /** A number that changes whenever any connector changes. */
    long catalogVersion();

    /** Raised by {@link #create} when the id is taken. */
    final class AlreadyExistsException extends RuntimeException {
        public AlreadyExistsException(String id) {
            super("A connector with id '" + id + "' already exists");
        }
    }
}
