package dev.signet.connector;

import java.util.List;

/**
 * A kind of legacy sign-in system ({@code legacy-database}, {@code ldap}, {@code oidc}, {@code remote}): it
 * describes the settings it needs and opens {@link Connector}s from them. Configuration is data; {@link #open} turns
 * it into a working connector.
 *
 * <p>Types are found by {@link ConnectorTypes}, from a list or through {@link java.util.ServiceLoader}: a type
 * shipped in its own jar registers itself in {@code META-INF/services/dev.signet.connector.ConnectorType}, and needs
 * a public no-argument constructor.
 *
 * <h2>Writing a type</h2>
 * <pre>{@code
 * public final class LegacyDatabaseType implements ConnectorType {
 *     public String name() { return "legacy-database"; }
 *     public String description() { return "Checks passwords against a table in a legacy SQL database."; }
 *     public SettingsSchema schema() { return SCHEMA; }
 *     public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
 *         ConnectorSettings resolved = schema().resolve(instance.id(), name(), settings); // throws, naming settings
 *         return new LegacyDatabaseConnector(instance, resolved);
 *     }
 * }
 * }</pre>
 * A type whose settings depend on each other (this one, or that one, but not both) overrides {@link #validate} to
 * add those problems to the schema's own, and has {@link #open} refuse the same.
 */
public interface ConnectorType {

    /** The type's name, as operators write it in configuration: lower-case words with hyphens. */
    String name();

    /** One or two plain sentences on what the type connects to. */
    String description();

    /** Every setting the type accepts. */
    SettingsSchema schema();

    /** Everything wrong with {@code settings}, each naming its setting; empty when they can be opened. */
    default List<SettingProblem> validate(ConnectorSettings settings) {
        return schema().validate(settings);
    }

    /**
     * A connector for {@code instance} configured by {@code settings}. Opening does not need the legacy system to be
     * up: a connector whose backend is down opens, and answers {@link Unavailable} until the backend returns.
     *
     * @throws InvalidSettingsException when the settings are invalid; the message names each failing setting
     */
    Connector open(ConnectorInstance instance, ConnectorSettings settings);
}
