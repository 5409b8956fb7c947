package dev.signet.server.storage;

import dev.signet.core.storage.EmbeddedPostgresServer.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second Signet started on the same embedded data directory: say so, instead of a stack of bean errors. */
final class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis("Another Signet is already running with the data directory "
                + cause.dataDirectory().getParent() + " (its embedded database is in use).",
                "Stop the other Signet first, or give this one its own data directory with "
                        + "--signet.data-directory=<folder> (environment variable SIGNET_DATA_DIRECTORY).", cause);
    }
}
