package dev.signet.admin.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.core.connectors.StoredConnector;
import java.util.Map;
import java.util.TreeMap;

/**
 * A connector as the admin API shows it. Secret settings are listed by name with the value {@value #REDACTED}: their
 * values never leave PostgreSQL, where they are sealed.
 *
 * @param managedBy {@code file} while the connectors file manages it; {@code admin-api} once created or changed here
 * @param version   changes with every change; the ETag
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorView(
        String id,
        String type,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("welsh_display_name") String welshDisplayName,
        String department,
        Map<String, String> settings,
        String migration,
        @JsonProperty("keep_checking_until") String keepCheckingUntil,
        boolean enabled,
        @JsonProperty("managed_by") String managedBy,
        long version,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    static final String REDACTED = "(secret)";

    static ConnectorView of(StoredConnector stored) {
        var connector = stored.connector();
        Map<String, String> settings = new TreeMap<>(connector.settings());
        connector.secrets().names().forEach(name -> settings.put(name, REDACTED));
        return new ConnectorView(connector.id(), connector.type(), connector.displayName(),
                connector.welshDisplayName().orElse(null), connector.department(), settings,
                connector.migration().mode().value(),
                connector.migration().keepCheckingUntil().map(Object::toString).orElse(null), connector.enabled(),
                stored.source() == StoredConnector.Source.FILE ? "file" : "admin-api", stored.version(),
                stored.createdAt().toString(), stored.updatedAt().toString());
    }

    /** The strong ETag of a stored connector: its version. */
    static String entityTag(StoredConnector stored) {
        return "\"" + stored.version() + "\"";
    }
}
