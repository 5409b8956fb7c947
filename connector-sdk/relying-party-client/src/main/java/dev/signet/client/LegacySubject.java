package dev.signet.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One of the citizen's old accounts at your department, linked to their Signet account: the connector it came
 * through ({@code vehicle-tax}) and its identifier in your old system. Signet sends them in the
 * {@code legacy_subjects} claim, only to a department's own services that ask for the {@code legacy_subjects} scope.
 *
 * @param connector the connector's id, as in Signet's connectors file
 * @param subject   the old system's identifier for the citizen
 */
public record LegacySubject(String connector, String subject) {

    static final String CLAIM = "legacy_subjects";

    public LegacySubject {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * The {@code legacy_subjects} claim's entries, in order; none when the claim is absent. An entry that is not an
     * object with string {@code connector} and {@code subject} members is not a legacy subject and is left out.
     */
    static List<LegacySubject> fromClaim(Object claim) {
        if (!(claim instanceof List<?> entries)) {
            return List.of();
        }
        List<LegacySubject> subjects = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> object && object.get("connector") instanceof String connector
                    && object.get("subject") instanceof String subject) {
                subjects.add(new LegacySubject(connector, subject));
            }
        }
        return List.copyOf(subjects);
    }
}
