package dev.signet.simulator;

import java.util.Objects;

/**
 * One of the citizen's old departmental accounts, linked to their Signet account: the connector it came through
 * ({@code vehicle-tax}) and its identifier there. Released to a service in the {@code legacy_subjects} claim.
 */
public record LegacySubject(String connector, String subject) {
    public LegacySubject {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(subject, "subject");
    }
}
