package dev.signet.server.sessions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;
import org.springframework.session.data.redis.RedisSessionExpirationStore;

/**
 * Spring Session's minute-based expirations bookkeeping, with the same keys, that does not repeat itself. Each session
 * is a member ({@code expires:<id>}) of the set of the minute it expires in ({@code <namespace>:expirations:<ms>});
 * every minute each instance takes the set of the minute just past and touches the shadow key of each member, so that
 * Redis expires it now and sends the event that ends the session (back-channel logout, the principal index). Spring
 * Session's own store re-adds the member and renews the set's expiry at every save, although a session saved several
 * times in a minute (a sign-in saves it five times in a second) stays in the same minute's set. This store remembers,
 * for the sessions it last saved, the minute it added each to, and writes nothing when the minute is the same.
 *
 * <p>Skipping is safe: a member is removed only when its session ends or changes id (never to be saved again under
 * that id), or when its minute's set is cleaned up, which is after that minute has passed, when no save of a session
 * still alive computes that minute any more; and the set outlives its minute by five minutes, its expiry renewed by
 * every session added to it. Only saves on this instance are remembered (a bounded number, the most recent): a save
 * on another instance simply writes. When a session's minute changes, the member is moved from the remembered minute;
 * a member left in an earlier set (saved last elsewhere) only makes the clean-up touch a key that is still alive.
 */
final class RememberingExpirationStore implements RedisSessionExpirationStore {

    private static final String MEMBER_PREFIX = "expires:";
    private static final long SET_OUTLIVES_MINUTE_SECONDS = TimeUnit.MINUTES.toSeconds(5);
    private static final List<Object> EXPIRY_FIELDS = List.of("lastAccessedTime", "maxInactiveInterval");

    private final RedisOperations<String, Object> redis;
    private final String namespace;
    private final Map<String, Long> minuteAddedTo;

    /**
     * @param namespace  Spring Session's key namespace, e.g. {@code signet:session}
     * @param remembered how many sessions' minutes to remember (the least recently saved are forgotten first)
     */
    RememberingExpirationStore(RedisOperations<String, Object> redis, String namespace, int remembered) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.namespace = Objects.requireNonNull(namespace, "namespace") + ":";
        this.minuteAddedTo = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > remembered;
            }
        });
    }

    @Override
    public void save(RedisSession session) {
        String id = session.getId();
        long idleSeconds = session.getMaxInactiveInterval().getSeconds();
        if (idleSeconds < 0) {
            return; // never expires: in no minute's set
        }
        long minute = minuteAfter(session.getLastAccessedTime().plusSeconds(idleSeconds));
        Long before = minuteAddedTo.put(id, minute);
        if (before != null && before == minute) {
            return;
        }
        if (before != null) {
            redis.boundSetOps(expirationsKey(before)).remove(MEMBER_PREFIX + id);
        }
        String key = expirationsKey(minute);
        redis.boundSetOps(key).add(MEMBER_PREFIX + id);
        redis.expire(key, idleSeconds + SET_OUTLIVES_MINUTE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void remove(String sessionId) {
        Long minute = minuteAddedTo.remove(sessionId);
        if (minute == null) {
            minute = storedMinute(sessionId);
        }
        if (minute != null) {
            redis.boundSetOps(expirationsKey(minute)).remove(MEMBER_PREFIX + sessionId);
        }
    }

    @Override
    public void cleanupExpiredSessions() {
        String key = expirationsKey(Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli());
        Set<Object> members = redis.boundSetOps(key).members();
        redis.delete(key);
        if (members == null) {
            return;
        }
        for (Object member : members) {
            // Reading a key past its expiry makes Redis expire it now, and publish the event.
            redis.hasKey(namespace + "sessions:" + member);
        }
    }

    /** The minute a session not remembered here expires in, from its hash; null when it no longer exists. */
    private Long storedMinute(String sessionId) {
        List<Object> fields = redis.opsForHash().multiGet(namespace + "sessions:" + sessionId, EXPIRY_FIELDS);
        if (fields == null || !(fields.get(0) instanceof Number lastAccessed)
                || !(fields.get(1) instanceof Number idleSeconds)) {
            return null;
        }
        return minuteAfter(Instant.ofEpochMilli(lastAccessed.longValue()).plusSeconds(idleSeconds.longValue()));
    }

    private String expirationsKey(long minute) {
        return namespace + "expirations:" + minute;
    }

    /** The start of the minute after the one {@code instant} falls in, as Spring Session rounds. */
    private static long minuteAfter(Instant instant) {
        return instant.plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
    }
}
