package dev.signet.core.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalisation and a deliberately permissive syntax check for email addresses typed by citizens. */
public final class EmailAddress {

    // One @, something on each side, a dot in the domain, no spaces: stricter checks reject real addresses.
    private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private EmailAddress() {
    }

    /** The address trimmed, or empty when it cannot be an email address. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        if (trimmed.length() > 254 || !PLAUSIBLE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /** The form used for uniqueness and look-up. */
    public static String canonical(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
