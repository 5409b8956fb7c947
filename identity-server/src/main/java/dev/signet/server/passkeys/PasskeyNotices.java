package dev.signet.server.passkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The one-time "passkey added / renamed / removed" banner of the account page, kept in the session (as a plain
 * string, readable by any session store) between the change and the page that shows it.
 */
final class PasskeyNotices {

    private static final String ATTRIBUTE = PasskeyNotices.class.getName();

    /** A banner to show: {@code kind} is added, renamed or removed. */
    record Notice(String kind, String label) {
    }

    private PasskeyNotices() {
    }

    static void added(HttpServletRequest request, String label) {
        put(request, "added", label);
    }

    static void renamed(HttpServletRequest request, String label) {
        put(request, "renamed", label);
    }

    static void removed(HttpServletRequest request, String label) {
        put(request, "removed", label);
    }

    /** The pending banner, which is then forgotten. */
    static Optional<Notice> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String value)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        String[] parts = value.split("\n", 2);
        return parts.length == 2 ? Optional.of(new Notice(parts[0], parts[1])) : Optional.empty();
    }

    private static void put(HttpServletRequest request, String kind, String label) {
        request.getSession().setAttribute(ATTRIBUTE, kind + "\n" + label);
    }
}
