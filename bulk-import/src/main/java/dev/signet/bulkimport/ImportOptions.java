package dev.signet.bulkimport;

import java.util.Objects;
import java.util.Optional;

/**
 * How one import runs.
 *
 * @param batchSize   rows per transaction, 1..10,000
 * @param connectorId the connector (its id in the connectors file) whose legacy system the file was exported from:
 *                    when given, each row's {@code user_id} becomes a legacy identity of that connector, linked to the
 *                    row's account, so that the citizen's old account is recognised at old-account sign-in and in
 *                    {@code legacy_subjects}; empty: {@code user_id}s are only kept to find the user again
 */
public record ImportOptions(int batchSize, Optional<String> connectorId) {

    /** Rows per transaction: large enough that a round trip is shared by many rows, small enough to retry cheaply. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 10_000;
    /** The same limit as {@code legacy_identity.connector} in the file. */
    public static final int MAX_CONNECTOR_ID_LENGTH = ImportFileReader.MAX_USER_ID_LENGTH;

    public ImportOptions {
        Objects.requireNonNull(connectorId, "connectorId");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("The batch size must be 1.." + MAX_BATCH_SIZE + ", but was "
                    + batchSize);
        }
        if (connectorId.isPresent() && (connectorId.get().isBlank()
                || connectorId.get().length() > MAX_CONNECTOR_ID_LENGTH)) {
            throw new IllegalArgumentException("The connector id must be a non-empty string of at most "
                    + MAX_CONNECTOR_ID_LENGTH + " characters");
        }
    }

    /** Default batches, no connector. */
    public static ImportOptions defaults() {
        return new ImportOptions(DEFAULT_BATCH_SIZE, Optional.empty());
    }

    public ImportOptions withConnector(String connectorId) {
        return new ImportOptions(batchSize, Optional.of(connectorId));
    }
}
