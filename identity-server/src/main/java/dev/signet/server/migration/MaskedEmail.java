package dev.signet.server.migration;

import java.util.Locale;

/**
 * An email address shown only as much as its owner needs to recognise it: the first character of the name, the first
 * character of the domain and its last label ({@code jane.doe@example.co.uk} becomes {@code j•••@e•••.uk}). Used where
 * a page names another account of the citizen: whoever reads it learns that an account exists (which they already
 * know by then), not its address.
 */
final class MaskedEmail {

    private static final String HIDDEN = "\u2022\u2022\u2022";

    private MaskedEmail() {
    }

    static String of(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return HIDDEN;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        int lastDot = domain.lastIndexOf('.');
        String ending = lastDot > 0 ? domain.substring(lastDot) : "";
        return email.substring(0, 1) + HIDDEN + "@" + domain.charAt(0) + HIDDEN + ending;
    }
}
