package dev.signet.spring;

import java.io.Serializable;
import java.util.Objects;

/**
 * One of the citizen's old departmental accounts, from the {@code legacy_subjects} claim
 * ({@code {"connector": "vehicle-tax", "subject": "1004711"}}): the legacy system and the citizen's identifier there.
 */
public record LegacySubject(String connector, String subject) implements Serializable {

    public LegacySubject {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(subject, "subject");
    }
}
