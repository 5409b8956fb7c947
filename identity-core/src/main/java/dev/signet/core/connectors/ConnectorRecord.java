package dev.signet.core.connectors;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One connector as an operator declares it (in the connectors file or through the admin API).
 *
 * @param id               stable identifier; linked identities refer to it
 * @param type             the connector type's name ({@code legacy-database}, {@code ldap}, {@code oidc}, {@code remote})
 * @param displayName      what citizens recognise, in English
 * @param welshDisplayName the same in Welsh, when given
 * @param department       the owning department
 * @param settings         the settings that are not secrets, by name
 * @param secrets          the secret settings, sealed
 * @param migration        how its citizens move to Signet
 * @param enabled          whether citizens can sign in through it
 */
public record ConnectorRecord(String id, String type, String displayName, Optional<String> welshDisplayName,
        String department, Map<String, String> settings, SealedSecrets secrets, ConnectorMigration migration,
        boolean enabled) {

    public ConnectorRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(welshDisplayName, "welshDisplayName");
        Objects.requireNonNull(department, "department");
        settings = Map.copyOf(new TreeMap<>(settings));
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(migration, "migration");
        if (settings.keySet().stream().anyMatch(secrets.names()::contains)) {
            throw new IllegalArgumentException("A setting is either secret or not, never both");
        }
    }

    public ConnectorRecord withEnabled(boolean newEnabled) {
        return new ConnectorRecord(id, type, displayName, welshDisplayName, department, settings, secrets, migration,
                newEnabled);
    }
}
