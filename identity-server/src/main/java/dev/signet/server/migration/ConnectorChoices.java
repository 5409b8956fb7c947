package dev.signet.server.migration;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.RedirectConnector;
import dev.signet.server.federation.ConnectorRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The old systems a citizen can sign in with: every declared connector that checks passwords or sends the citizen to
 * an upstream provider, in the connectors file's order. Also read by the sign-in page
 * ({@code ${@connectorChoices.offered()}}) to show its link only when there is a choice to make.
 */
@Component("connectorChoices")
public class ConnectorChoices {

    /** One old system as the choice page lists it. */
    public record Choice(String id, String displayName) {
    }

    private final ConnectorRegistry registry;

    ConnectorChoices(ConnectorRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Whether any old system can be signed in with. */
    public boolean offered() {
        return !signInConnectors().isEmpty();
    }

    /** The old systems, named in the page's language (Welsh names when the department gave them). */
    List<Choice> choices(Locale locale) {
        return signInConnectors().stream().map(Connector::instance)
                .map(instance -> new Choice(instance.id(), instance.displayName(locale.getLanguage()))).toList();
    }

    Optional<PasswordConnector> passwordConnector(String connectorId) {
        return capability(connectorId, PasswordConnector.class);
    }

    Optional<RedirectConnector> redirectConnector(String connectorId) {
        return capability(connectorId, RedirectConnector.class);
    }

    Optional<ConnectorInstance> instance(String connectorId) {
        return connectorId == null ? Optional.empty()
                : registry.find(connectorId).filter(ConnectorChoices::signsIn).map(Connector::instance);
    }

    private List<Connector> signInConnectors() {
        return registry.all().stream().filter(ConnectorChoices::signsIn).toList();
    }

    private static boolean signsIn(Connector connector) {
        return connector.capability(PasswordConnector.class).isPresent()
                || connector.capability(RedirectConnector.class).isPresent();
    }

    private <C> Optional<C> capability(String connectorId, Class<C> capability) {
        return connectorId == null ? Optional.empty()
                : registry.find(connectorId).flatMap(connector -> connector.capability(capability));
    }
}
