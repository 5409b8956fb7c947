package dev.signet.server.clients;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong relying-party file into Spring Boot's short "APPLICATION FAILED TO START" report. */
final class RelyingPartyFileFailureAnalyzer extends AbstractFailureAnalyzer<RelyingPartyFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RelyingPartyFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the relying-party file (format: docs/relying-parties.md), or point signet.clients.file at "
                        + "another one, and start Signet again.", cause);
    }
}
