package dev.signet.server.sessions;

import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * {@link CitizenSessions} over the servlet container's own sessions (the embedded default, one process): a listener
 * the container tells of every session created, renamed (a new id at sign-in) and destroyed. Listing scans the live
 * sessions of this process, which is what a single embedded instance holds.
 */
public final class InMemoryCitizenSessions implements CitizenSessions, HttpSessionListener, HttpSessionIdListener {

    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        live.remove(oldSessionId);
        live.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession().getId());
    }

    @Override
    public List<CitizenSession> findByAccount(UUID accountId) {
        return live.values().stream().flatMap(session -> describe(session, accountId).stream())
                .sorted(Comparator.comparing(CitizenSession::lastActiveAt).reversed())
                .toList();
    }

    @Override
    public boolean end(UUID accountId, String sessionId) {
        HttpSession session = live.get(sessionId);
        if (session == null || describe(session, accountId).isEmpty()) {
            return false;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            return false;
        } finally {
            live.remove(sessionId);
        }
        return true;
    }

    private static Optional<CitizenSession> describe(HttpSession session, UUID accountId) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (!(context instanceof SecurityContext security)
                    || !(security.getAuthentication() instanceof CitizenAuthentication citizen)
                    || !citizen.accountId().equals(accountId)) {
                return Optional.empty();
            }
            Object device = session.getAttribute(SessionDevice.ATTRIBUTE);
            return Optional.of(new CitizenSession(session.getId(), citizen.authTime(),
                    Instant.ofEpochMilli(session.getLastAccessedTime()),
                    device instanceof SessionDevice known ? Optional.of(known) : Optional.empty()));
        } catch (IllegalStateException invalidated) {
            // Ended between the listing and the read: not a live session any more.
            return Optional.empty();
        }
    }
}
