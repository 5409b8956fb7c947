package dev.signet.server.sessions;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The authorization server's {@link SessionRegistry} over Spring Session's sessions in Redis, reading only what a
 * {@link SessionInformation} holds. The authorization server asks it at every authorization request of a signed-in
 * citizen ({@link #getSessionInformation}) and at every code exchange ({@link #getAllSessions}, to put the most
 * recent session's {@code sid} in the ID token). {@link SpringSessionBackedSessionRegistry} answers both by loading
 * whole sessions ({@code HGETALL} and the Java deserialisation of every attribute: security context, saved request,
 * CSRF token), one per session the citizen has: the cost of a code exchange grew with the citizen's sessions. This
 * reads three fields of each session's hash instead (last access, idle lifetime, the "expired" mark), all sessions
 * asked for together on one round trip, and deserialises only numbers and a boolean.
 *
 * <p>Answers are those of {@link SpringSessionBackedSessionRegistry}: the sessions in the principal-name index that
 * still exist and have not idled out (Spring Session's own {@code findById} rule), with the "expired" mark honoured
 * and written the same way ({@link SessionInformation#expireNow()} marks the session in Redis). The principal of each
 * answer is the name looked up, the index being kept by principal name.
 */
public final class RedisSessionRegistry implements SessionRegistry {

    /** The attribute {@link SpringSessionBackedSessionRegistry} marks an expired session with (kept compatible). */
    static final String EXPIRED_ATTRIBUTE =
            "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    private static final String LAST_ACCESSED = "lastAccessedTime";
    private static final String MAX_INACTIVE = "maxInactiveInterval";
    private static final String EXPIRED_FIELD = "sessionAttr:" + EXPIRED_ATTRIBUTE;
    private static final List<Object> FIELDS = List.of(LAST_ACCESSED, MAX_INACTIVE, EXPIRED_FIELD);

    private final RedisIndexedSessionRepository sessions;
    private final RedisOperations<String, Object> redis;
    private final String namespace;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param namespace the repository's key namespace, e.g. {@code signet:session}
     * @param timeout   how long to wait for Redis (Signet's {@code signet.redis.timeout})
     */
    public RedisSessionRegistry(RedisIndexedSessionRepository sessions, String namespace, Clock clock,
            Duration timeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.redis = sessions.getSessionRedisOperations();
        this.namespace = Objects.requireNonNull(namespace, "namespace") + ":";
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public List<Object> getAllPrincipals() {
        throw new UnsupportedOperationException("Sessions are found by principal, not listed");
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        String name = principalName(principal);
        Set<Object> members = redis.opsForSet().members(namespace + "index:"
                + FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME + ":" + name);
        if (members == null || members.isEmpty()) {
            return List.of();
        }
        List<String> ids = members.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        List<List<Object>> replies = fieldsOfEach(ids);
        Instant now = clock.instant();
        List<SessionInformation> found = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            information(name, ids.get(i), replies.get(i), now)
                    .filter(information -> includeExpiredSessions || !information.isExpired())
                    .ifPresent(found::add);
        }
        return found;
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        List<Object> fields = redis.opsForHash().multiGet(sessionKey(sessionId), FIELDS);
        // The principal is not needed by the authorization server here (it only asks whether the session is known);
        // as in SpringSessionBackedSessionRegistry, a session with no sign-in has the empty name.
        return information("", sessionId, fields, clock.instant()).orElse(null);
    }

    /** A no-op, as in {@link SpringSessionBackedSessionRegistry}: Spring Session keeps the sessions. */
    @Override
    public void refreshLastRequest(String sessionId) {
    }

    /** A no-op, as in {@link SpringSessionBackedSessionRegistry}: Spring Session indexes sessions when saved. */
    @Override
    public void registerNewSession(String sessionId, Object principal) {
    }

    /** A no-op, as in {@link SpringSessionBackedSessionRegistry}. */
    @Override
    public void removeSessionInformation(String sessionId) {
    }

    /**
     * The three fields of each session, asked for together on the shared connection and awaited together: one round
     * trip however many sessions, and no dedicated connection (RedisTemplate's pipelining would open one per call).
     */
    @SuppressWarnings("unchecked")
    private List<List<Object>> fieldsOfEach(List<String> ids) {
        RedisSerializer<String> keys = (RedisSerializer<String>) redis.getKeySerializer();
        RedisSerializer<String> fields = (RedisSerializer<String>) redis.getHashKeySerializer();
        RedisSerializer<Object> values = (RedisSerializer<Object>) redis.getHashValueSerializer();
        byte[][] names = FIELDS.stream().map(field -> fields.serialize((String) field)).toArray(byte[][]::new);
        List<List<Object>> replies = redis.execute((RedisCallback<List<List<Object>>>) connection -> {
            RedisClusterAsyncCommands<byte[], byte[]> async =
                    (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            List<RedisFuture<List<KeyValue<byte[], byte[]>>>> pending = new ArrayList<>(ids.size());
            for (String id : ids) {
                pending.add(async.hmget(keys.serialize(sessionKey(id)), names));
            }
            List<List<Object>> decoded = new ArrayList<>(ids.size());
            for (RedisFuture<List<KeyValue<byte[], byte[]>>> reply : pending) {
                List<Object> row = new ArrayList<>(FIELDS.size());
                for (KeyValue<byte[], byte[]> value : await(reply)) {
                    row.add(value.hasValue() ? values.deserialize(value.getValue()) : null);
                }
                decoded.add(row);
            }
            return decoded;
        });
        return replies == null ? List.of() : replies;
    }

    private <T> T await(RedisFuture<T> reply) {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisSystemException("Interrupted while reading sessions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedisSystemException("Could not read sessions", e);
        }
    }

    private Optional<SessionInformation> information(String principal, String sessionId, List<?> fields,
            Instant now) {
        if (fields == null || !(fields.get(0) instanceof Number lastAccessedMillis)) {
            return Optional.empty(); // ended, or removed since the index was read
        }
        Instant lastAccessed = Instant.ofEpochMilli(lastAccessedMillis.longValue());
        if (fields.get(1) instanceof Number idleSeconds && idleSeconds.longValue() >= 0
                && !lastAccessed.plusSeconds(idleSeconds.longValue()).isAfter(now)) {
            return Optional.empty(); // idled out, not yet removed (Spring Session's MapSession#isExpired)
        }
        MarkableSessionInformation information = new MarkableSessionInformation(principal, sessionId,
                Date.from(lastAccessed));
        if (Boolean.TRUE.equals(fields.get(2))) {
            information.markedExpired();
        }
        return Optional.of(information);
    }

    private String sessionKey(String sessionId) {
        return namespace + "sessions:" + sessionId;
    }

    /** The name Spring Session indexes sessions by: {@link AbstractAuthenticationToken#getName()}'s rules. */
    private static String principalName(Object principal) {
        return new PrincipalOnly(principal).getName();
    }

    private static final class PrincipalOnly extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final transient Object principal;

        PrincipalOnly(Object principal) {
            super((Collection<? extends GrantedAuthority>) null);
            this.principal = principal;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public Object getCredentials() {
            return null;
        }
    }

    /** Expiring it marks the session in Redis, as {@link SpringSessionBackedSessionRegistry}'s information does. */
    private final class MarkableSessionInformation extends SessionInformation {

        private static final long serialVersionUID = 1L;

        MarkableSessionInformation(String principal, String sessionId, Date lastRequest) {
            super(principal, sessionId, lastRequest);
        }

        void markedExpired() {
            super.expireNow();
        }

        @Override
        public void expireNow() {
            super.expireNow();
            RedisIndexedSessionRepository.RedisSession session = sessions.findById(getSessionId());
            if (session != null) {
                session.setAttribute(EXPIRED_ATTRIBUTE, Boolean.TRUE);
                sessions.save(session);
            }
        }
    }
}
