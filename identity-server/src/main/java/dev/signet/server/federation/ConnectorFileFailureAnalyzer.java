package dev.signet.server.federation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong connectors file into Spring Boot's short "APPLICATION FAILED TO START" report. */
final class ConnectorFileFailureAnalyzer extends AbstractFailureAnalyzer<ConnectorFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConnectorFileException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the connectors file (settings of each type: "
                + "docs/legacy-database-connector.md), or point signet.connectors.file at another one, and start "
                + "Signet again.", cause);
    }
}
