package dev.signet.server.sessions;

import java.util.List;
import java.util.UUID;

/**
 * The live Signet sessions of each citizen, wherever sessions are kept: {@link RedisCitizenSessions} over Spring
 * Session's index by principal name when {@code signet.redis.url} is set, {@link InMemoryCitizenSessions} over the
 * servlet container's sessions in the embedded default.
 */
public interface CitizenSessions {

    /** The account's signed-in sessions that have not ended, most recently active first. */
    List<CitizenSession> findByAccount(UUID accountId);

    /**
     * Ends one of the account's sessions at once (its next request is a signed-out one).
     *
     * @return false when the account has no such session (already ended, or someone else's)
     */
    boolean end(UUID accountId, String sessionId);
}
