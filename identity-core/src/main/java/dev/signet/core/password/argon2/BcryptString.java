package dev.signet.core.password.argon2;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bcrypt hash in modular crypt form, {@code $2b$10$<22 salt chars><31 hash chars>}, as made by OpenBSD, PHP
 * ({@code $2y$}), htpasswd and Auth0 ({@code $2a$}/{@code $2b$}). Signet only verifies these, for seeded and imported
 * accounts, and re-hashes with Argon2id after the next successful sign-in. The {@code $2x$} variant marks hashes
 * made by a known-broken implementation and is refused.
 */
final class BcryptString {

    /** 2^16 rounds already take seconds: a higher cost is refused rather than run. */
    static final int MAX_COST = 16;

    private static final Pattern FORMAT = Pattern.compile("^\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}$");

    private BcryptString() {
    }

    static boolean looksLikeBcrypt(String text) {
        return text != null && text.startsWith("$2");
    }

    /** Why the text is not a bcrypt hash Signet will check, or null when it is one. */
    static String problem(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return "not a $2a$/$2b$/$2y$ bcrypt hash";
        }
        int cost = Integer.parseInt(m.group(1));
        if (cost < 4 || cost > MAX_COST) {
            return "bcrypt cost " + cost + " out of range 4.." + MAX_COST;
        }
        return null;
    }
}
