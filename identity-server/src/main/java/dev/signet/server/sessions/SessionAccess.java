package dev.signet.server.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Makes a request's access to its session count at once. With sessions in Redis, a request that changes nothing in
 * the session writes its last access only every {@code signet.sessions.last-access-write-interval}
 * ({@link CoarseLastAccessSessionRepository}); call this where the exact order of a citizen's sessions matters.
 *
 * <p>The one such place: issuing an authorization code. At the code exchange the authorization server puts in the ID
 * token the {@code sid} of the citizen's most recently accessed session, so the session that authorized must be that
 * one even when the citizen used another of their sessions less than the interval before.
 */
public final class SessionAccess {

    private SessionAccess() {
    }

    /**
     * Writes the last access of the request's session (if it has one) when the request ends, with its idle lifetime
     * renewed from now, as Spring Session does at every request. Setting the idle lifetime to itself is a change for
     * the Redis repository and nothing for the servlet container's sessions, which track each access anyway.
     */
    public static void recordNow(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setMaxInactiveInterval(session.getMaxInactiveInterval());
        }
    }
}
