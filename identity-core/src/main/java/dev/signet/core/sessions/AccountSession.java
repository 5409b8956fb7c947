package dev.signet.core.sessions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of an account's live Signet sessions as seen from outside identity-server (the admin API): named by its
 * {@code sid} (the SHA-256 of the session id, as in ID tokens), never by the id itself, which is a bearer secret.
 *
 * @param sid          the {@code sid} of ID tokens issued in the session
 * @param signedInAt   when the citizen last actively authenticated in it ({@code auth_time}), when known
 * @param lastActiveAt the last request made with it
 * @param level        the credential trust level of that authentication ({@code Cl} or {@code Cl.Cm}), when known
 * @param browser      the browser's everyday name from the User-Agent, when recognised
 * @param system       the operating system's everyday name from the User-Agent, when recognised
 */
public record AccountSession(String sid, Optional<Instant> signedInAt, Instant lastActiveAt, Optional<String> level,
        Optional<String> browser, Optional<String> system) {

    public AccountSession {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(system, "system");
    }
}
