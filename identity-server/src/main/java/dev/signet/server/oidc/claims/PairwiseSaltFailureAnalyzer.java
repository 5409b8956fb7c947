package dev.signet.server.oidc.claims;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or damaged pairwise salt into Spring Boot's short "APPLICATION FAILED TO START" report. */
final class PairwiseSaltFailureAnalyzer extends AbstractFailureAnalyzer<PairwiseSaltException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PairwiseSaltException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + PairwiseSalt.SETTING + " (environment variable "
                + "SIGNET_SUBJECTS_PAIRWISE_SALT) to the deployment's salt, the same on every instance; for a new "
                + "deployment generate one with `openssl rand -base64 32` and keep it in your secret store "
                + "(docs/claims-and-trust.md).", cause);
    }
}
