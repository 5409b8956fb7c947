package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import java.util.Optional;

/** How the subject attribute's value becomes the legacy subject, and back into a search filter. */
enum SubjectEncoding {

    /** A text attribute ({@code entryUUID}, {@code uid}, {@code employeeNumber}), taken as it is. */
    TEXT("text"),

    /** Active Directory's binary {@code objectGUID}, written as Windows writes a GUID ({@link ObjectGuid}). */
    MS_GUID("ms-guid");

    private final String settingValue;

    SubjectEncoding(String settingValue) {
        this.settingValue = settingValue;
    }

    static SubjectEncoding fromSetting(String value) {
        for (SubjectEncoding encoding : values()) {
            if (encoding.settingValue.equals(value)) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("Unknown subject encoding");
    }

    /** The legacy subject held in {@code attribute}; empty when absent or unreadable. */
    Optional<String> read(Attribute attribute) {
        if (attribute == null || !attribute.hasValue()) {
            return Optional.empty();
        }
        return switch (this) {
            case TEXT -> Optional.ofNullable(attribute.getValue()).filter(value -> !value.isEmpty());
            case MS_GUID -> ObjectGuid.toText(attribute.getValueByteArray());
        };
    }

    /** A filter matching entries whose {@code attributeName} holds {@code subject}; empty when it cannot be one. */
    Optional<Filter> equalityFilter(String attributeName, String subject) {
        return switch (this) {
            case TEXT -> Optional.of(Filter.createEqualityFilter(attributeName, subject));
            case MS_GUID -> ObjectGuid.fromText(subject).map(bytes -> Filter.createEqualityFilter(attributeName,
                    bytes));
        };
    }
}
