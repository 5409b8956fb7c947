package dev.signet.connector;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a connector is: its identifier, the name citizens know the old system by, and the department that owns it.
 *
 * @param id              a stable identifier, lower-case letters, digits and hyphens, starting with a letter or digit
 *                        (for example {@code dvla-vehicle-tax}); linked legacy identities refer to it, so it must never
 *                        change once citizens have signed in through the connector
 * @param displayName     what a citizen recognises, in English: {@code "Vehicle tax account"}
 * @param welshDisplayName the same in Welsh, when the department provides it: {@code "Cyfrif treth cerbyd"}
 * @param department      the owning department's identifier (for example {@code dvla}); only that department's relying
 *                        parties may see the legacy subjects from this connector
 */
public record ConnectorInstance(String id, String displayName, Optional<String> welshDisplayName, String department) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ConnectorInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(welshDisplayName, "welshDisplayName");
        Objects.requireNonNull(department, "department");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A connector id is 1 to 63 lower-case letters, digits and hyphens, "
                    + "starting with a letter or digit: '" + id + "' is not");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("Connector '" + id + "' needs a display name that citizens recognise");
        }
        if (welshDisplayName.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("Connector '" + id + "' has a blank Welsh display name");
        }
        if (department.isBlank()) {
            throw new IllegalArgumentException("Connector '" + id + "' needs an owning department");
        }
    }

    /** An instance with an English display name only. */
    public static ConnectorInstance of(String id, String displayName, String department) {
        return new ConnectorInstance(id, displayName, Optional.empty(), department);
    }

    /** The display name for a language tag ({@code "cy"} for Welsh), falling back to English. */
    public String displayName(String language) {
        return "cy".equals(language) ? welshDisplayName.orElse(displayName) : displayName;
    }
}
