package dev.signet.connector;

import java.util.Objects;

/** How to find a user in a legacy system: by its stable subject, or by the name the citizen signs in with. */
public sealed interface UserKey {

    /** The user whose {@linkplain LegacyIdentity#subject() legacy subject} is {@code subject}. */
    static UserKey subject(String subject) {
        return new BySubject(subject);
    }

    /** The user who signs in as {@code loginName}, matched as the connector matches it at sign-in. */
    static UserKey loginName(String loginName) {
        return new ByLoginName(loginName);
    }

    /** Find by legacy subject. Prints without its value, which is personal data. */
    record BySubject(String subject) implements UserKey {

        public BySubject {
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public String toString() {
            return "BySubject[(redacted)]";
        }
    }

    /** Find by login name. Prints without its value, which is personal data. */
    record ByLoginName(String loginName) implements UserKey {

        public ByLoginName {
            Objects.requireNonNull(loginName, "loginName");
        }

        @Override
        public String toString() {
            return "ByLoginName[(redacted)]";
        }
    }
}
