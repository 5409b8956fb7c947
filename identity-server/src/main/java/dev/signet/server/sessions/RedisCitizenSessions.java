package dev.signet.server.sessions;

import dev.signet.server.signin.CitizenAuthentication;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * {@link CitizenSessions} over Spring Session's index by principal name (the account id): sessions in Redis, shared
 * by every instance, so any instance lists and ends any of the citizen's sessions.
 */
public final class RedisCitizenSessions implements CitizenSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public RedisCitizenSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public List<CitizenSession> findByAccount(UUID accountId) {
        return sessions.findByPrincipalName(accountId.toString()).values().stream()
                .filter(session -> !session.isExpired())
                .flatMap(session -> describe(session, accountId).stream())
                .sorted(Comparator.comparing(CitizenSession::lastActiveAt).reversed())
                .toList();
    }

    @Override
    public boolean end(UUID accountId, String sessionId) {
        Map<String, ? extends Session> owned = sessions.findByPrincipalName(accountId.toString());
        if (!owned.containsKey(sessionId)) {
            return false;
        }
        sessions.deleteById(sessionId);
        return true;
    }

    private static Optional<CitizenSession> describe(Session session, UUID accountId) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(context instanceof SecurityContext security)
                || !(security.getAuthentication() instanceof CitizenAuthentication citizen)
                || !citizen.accountId().equals(accountId)) {
            return Optional.empty();
        }
        Instant lastActive = session.getLastAccessedTime();
        Object device = session.getAttribute(SessionDevice.ATTRIBUTE);
        return Optional.of(new CitizenSession(session.getId(), citizen.authTime(), lastActive,
                device instanceof SessionDevice known ? Optional.of(known) : Optional.empty()));
    }
}
