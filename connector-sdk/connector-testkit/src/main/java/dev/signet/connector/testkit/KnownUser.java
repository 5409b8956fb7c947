package dev.signet.connector.testkit;

import java.util.Objects;
import java.util.Set;

/**
 * A user the connector's test backend holds, with the password that signs them in.
 *
 * @param loginName    what the user signs in with
 * @param password     their password
 * @param subject      the legacy subject the connector must report for them
 * @param personalData every other personal value the backend holds for them (email address, names, phone number):
 *                     the kit checks none of it is ever logged. Use distinctive values, at least 5 characters long,
 *                     so that finding one in the logs cannot be a coincidence
 */
public record KnownUser(String loginName, String password, String subject, Set<String> personalData) {

    public KnownUser {
        Objects.requireNonNull(loginName, "loginName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(subject, "subject");
        personalData = Set.copyOf(personalData);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("The known user needs a non-empty password");
        }
    }

    @Override
    public String toString() {
        return "KnownUser[(redacted)]";
    }
}
