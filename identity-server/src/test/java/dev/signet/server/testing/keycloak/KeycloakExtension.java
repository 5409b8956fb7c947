package dev.signet.server.testing.keycloak;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives Keycloak tests the run's one {@link KeycloakServer}, started on first use and stopped when the test run ends
 * (the root store closes it). Without a Keycloak installation ({@link KeycloakInstallation#find}) each Keycloak
 * test class is disabled, reported as skipped with the reason; with {@code -Dsignet.keycloak-tests=required} (set by
 * the {@code keycloak} Maven profile) they fail instead, so CI cannot silently stop running them.
 */
public final class KeycloakExtension implements ExecutionCondition, BeforeAllCallback {

    static final String REQUIRED_PROPERTY = "signet.keycloak-tests";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServer.class);

    private volatile KeycloakServer server;

    /**
     * Without Keycloak, the class is disabled with the reason before anything of it runs (its Spring context needs
     * Keycloak's address), and the build reports it as skipped with that reason.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean available = !System.getProperty("signet.keycloak.url", "").isBlank()
                || KeycloakInstallation.find().isPresent();
        if (available || "required".equals(System.getProperty(REQUIRED_PROPERTY))) {
            return ConditionEvaluationResult.enabled("Keycloak is available");
        }
        return ConditionEvaluationResult.disabled(KeycloakInstallation.HOW_TO_RUN);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, key -> new Started(open()),
                Started.class).server().orElse(null);
        if (server == null && "required".equals(System.getProperty(REQUIRED_PROPERTY))) {
            throw new IllegalStateException(KeycloakInstallation.HOW_TO_RUN);
        }
    }

    /** The run's Keycloak, once {@link #beforeAll} has let the test class run. */
    public KeycloakServer server() {
        if (server == null) {
            throw new IllegalStateException("Keycloak is started before the test class runs");
        }
        return server;
    }

    /** What the run found, kept once (absent too) and closed by the root store at the end of the run. */
    private record Started(Optional<KeycloakServer> server) implements AutoCloseable {
        @Override
        public void close() {
            server.ifPresent(KeycloakServer::close);
        }
    }

    private static Optional<KeycloakServer> open() {
        String url = System.getProperty("signet.keycloak.url", "");
        if (!url.isBlank()) {
            return Optional.of(KeycloakServer.running(URI.create(url),
                    System.getProperty("signet.keycloak.admin-password", "")));
        }
        return KeycloakInstallation.find().map(KeycloakServer::start);
    }
}
