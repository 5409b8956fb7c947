package dev.signet.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen the simulator can sign in, as your service sees them: {@code subject} is the {@code sub} your service
 * receives (Signet's identifiers are per service, so this is the value your records are keyed on).
 *
 * <pre>{@code
 * SimulatedUser.builder("citizen-1").email("margaret@example.org").emailVerified(true)
 *         .givenName("Margaret").familyName("Hughes")
 *         .legacySubject("vehicle-tax", "1004711")
 *         .build();
 * }</pre>
 */
public record SimulatedUser(String subject, Optional<String> email, boolean emailVerified, Optional<String> phoneNumber,
        boolean phoneNumberVerified, Optional<String> givenName, Optional<String> familyName,
        List<LegacySubject> legacySubjects, Map<String, Object> extraClaims) {

    public SimulatedUser {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A user's subject must not be blank");
        }
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        legacySubjects = List.copyOf(legacySubjects);
        extraClaims = Map.copyOf(extraClaims);
    }

    public static Builder builder(String subject) {
        return new Builder(subject);
    }

    public static final class Builder {
        private final String subject;
        private String email;
        private boolean emailVerified = true;
        private String phoneNumber;
        private boolean phoneNumberVerified = true;
        private String givenName;
        private String familyName;
        private final List<LegacySubject> legacySubjects = new ArrayList<>();
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private Builder(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /** Released with the {@code email} scope. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Default {@code true}: Signet verifies every email address it holds. */
        public Builder emailVerified(boolean verified) {
            this.emailVerified = verified;
            return this;
        }

        /** Released with the {@code phone} scope. */
        public Builder phoneNumber(String phoneNumber) {
            this.phoneNumber = phoneNumber;
            return this;
        }

        public Builder phoneNumberVerified(boolean verified) {
            this.phoneNumberVerified = verified;
            return this;
        }

        /** Released with the {@code profile} scope, with {@link #familyName(String)}. */
        public Builder givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        public Builder familyName(String familyName) {
            this.familyName = familyName;
            return this;
        }

        /** An old departmental account linked to this citizen ({@code legacy_subjects} claim). */
        public Builder legacySubject(String connector, String subject) {
            legacySubjects.add(new LegacySubject(connector, subject));
            return this;
        }

        /** Any other claim, released in userinfo with every scope, and in the ID token when asked for by name. */
        public Builder claim(String name, Object value) {
            extraClaims.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public SimulatedUser build() {
            return new SimulatedUser(subject, Optional.ofNullable(email), emailVerified, Optional.ofNullable(phoneNumber),
                    phoneNumberVerified, Optional.ofNullable(givenName), Optional.ofNullable(familyName),
                    legacySubjects, extraClaims);
        }
    }
}
