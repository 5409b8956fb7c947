package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.signet.connector.LegacyIdentity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a directory entry into a legacy identity: the subject from the subject attribute, and each mapped attribute
 * under its claim name, verified or not as configured. A multi-valued attribute gives its first value.
 */
final class EntryMapping {

    private final String connectorId;
    private final LdapSettings settings;

    EntryMapping(String connectorId, LdapSettings settings) {
        this.connectorId = connectorId;
        this.settings = settings;
    }

    /** The identity of {@code entry}; empty when the entry lacks a readable subject attribute. */
    Optional<LegacyIdentity> identity(SearchResultEntry entry) {
        return settings.subjectEncoding().read(entry.getAttribute(settings.subjectAttribute()))
                .map(subject -> new LegacyIdentity(connectorId, subject, values(entry, settings.verifiedAttributes()),
                        values(entry, settings.attributes())));
    }

    private static Map<String, String> values(SearchResultEntry entry, Map<String, String> mapping) {
        Map<String, String> values = new HashMap<>();
        mapping.forEach((claim, attribute) -> {
            String value = entry.getAttributeValue(attribute);
            if (value != null && !value.isBlank()) {
                values.put(claim, value);
            }
        });
        return values;
    }
}
