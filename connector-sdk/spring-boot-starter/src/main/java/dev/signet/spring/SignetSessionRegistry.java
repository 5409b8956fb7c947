package dev.signet.spring;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Which local HTTP sessions belong to which Signet session ({@code sid}) and citizen ({@code sub}), so a back-channel
 * logout can end them. In memory, in this instance: with several instances a logout token reaches one of them, which
 * can end only its own sessions (see the README for what to do then). Sessions leave the index when they end.
 */
public final class SignetSessionRegistry implements HttpSessionListener {

    private final Map<String, Set<HttpSession>> bySessionId = new ConcurrentHashMap<>();
    private final Map<String, Set<HttpSession>> bySubject = new ConcurrentHashMap<>();
    // The way back, so a session that ends leaves the index without a search through it.
    private final Map<HttpSession, SignetUser> users = new ConcurrentHashMap<>();

    /** Records a session that has just signed in. */
    void signedIn(HttpSession session, SignetUser user) {
        users.put(session, user);
        user.sessionId().ifPresent(sid -> add(bySessionId, sid, session));
        add(bySubject, user.subject(), session);
    }

    /**
     * Ends the local sessions of a Signet session, or of the citizen when the logout token names no {@code sid}.
     *
     * @return how many sessions were ended
     */
    int endSessions(Optional<String> sid, Optional<String> subject) {
        Set<HttpSession> sessions = sid.map(bySessionId::get)
                .or(() -> subject.map(bySubject::get))
                .orElse(Set.of());
        int ended = 0;
        for (HttpSession session : Set.copyOf(sessions)) {
            forget(session);
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile (timed out or signed out): nothing left to do
            }
        }
        return ended;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    private void forget(HttpSession session) {
        SignetUser user = users.remove(session);
        if (user != null) {
            user.sessionId().ifPresent(sid -> remove(bySessionId, sid, session));
            remove(bySubject, user.subject(), session);
        }
    }

    private static void add(Map<String, Set<HttpSession>> index, String key, HttpSession session) {
        index.compute(key, (k, sessions) -> {
            Set<HttpSession> updated = sessions != null ? sessions : ConcurrentHashMap.newKeySet();
            updated.add(session);
            return updated;
        });
    }

    private static void remove(Map<String, Set<HttpSession>> index, String key, HttpSession session) {
        index.computeIfPresent(key, (k, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
