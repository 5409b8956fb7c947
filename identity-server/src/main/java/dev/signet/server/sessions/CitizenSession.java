package dev.signet.server.sessions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a citizen's live Signet sessions, as the account page lists it.
 *
 * @param id           the session id: a bearer secret, never shown on a page (pages name a session by its {@code sid})
 * @param signedInAt   when the citizen last actively authenticated in it
 * @param lastActiveAt the last request made with it
 * @param device       the browser and system it was signed in from, when known
 */
public record CitizenSession(String id, Instant signedInAt, Instant lastActiveAt, Optional<SessionDevice> device) {

    public CitizenSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(device, "device");
    }

    /** The {@code sid} of ID tokens issued in this session (the authorization server's SHA-256 of the id). */
    public String sid() {
        return SessionIds.sid(id);
    }
}
