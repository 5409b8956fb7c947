package dev.signet.connector;

import java.util.Objects;

/**
 * One connector as an operator declares it: who it is, its type's name and its settings. Signet reads these from its
 * connectors file at start-up and from the connectors operators manage through the admin API, and opens each with
 * {@link ConnectorTypes#open}.
 */
public record ConnectorDefinition(ConnectorInstance instance, String type, ConnectorSettings settings) {

    public ConnectorDefinition {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
    }
}
