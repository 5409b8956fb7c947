package dev.signet.core.sessions.redis;

import dev.signet.core.sessions.AccountSession;
import dev.signet.core.sessions.AccountSessionDirectory;
import dev.signet.core.sessions.SessionSummary;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link AccountSessionDirectory} over the keys identity-server's Spring Session writes in Redis (namespace
 * {@code signet:session}, see docs/redis.md): the account's principal-name index set lists its session ids, each
 * session's hash holds its last access, idle lifetime and the {@link SessionSummary} attribute. Spring Session writes
 * hash values and set members with Java serialisation; only strings and numbers are ever deserialised here (a filter
 * refuses every other class), so the security context and identity-server's own classes are never read. One key per
 * command, so the same on a single server, behind Sentinel and on a Cluster. A session whose summary is missing (not
 * signed in, or written before summaries existed) is listed with what its hash says.
 */
public final class RedisAccountSessionDirectory implements AccountSessionDirectory {

    /** identity-server's {@code @EnableRedisIndexedHttpSession(redisNamespace = "signet:session")}. */
    private static final String NAMESPACE = "signet:session";
    private static final String PRINCIPAL_INDEX = NAMESPACE + ":index:"
            + "org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME:";
    private static final String SESSIONS = NAMESPACE + ":sessions:";
    private static final String LAST_ACCESSED = "lastAccessedTime";
    private static final String MAX_INACTIVE = "maxInactiveInterval";
    private static final String SUMMARY = "sessionAttr:" + SessionSummary.ATTRIBUTE;
    private static final ObjectInputFilter PLAIN_VALUES = ObjectInputFilter.Config.createFilter(
            "java.lang.String;java.lang.Long;java.lang.Integer;java.lang.Number;maxdepth=2;!*");

    private final RedisClusterCommands<String, byte[]> redis;
    private final Clock clock;

    /** {@code redis}: commands with string keys and raw byte values, of a single-server, Sentinel or Cluster client. */
    public RedisAccountSessionDirectory(RedisClusterCommands<String, byte[]> redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<AccountSession> findByAccount(UUID accountId) {
        Set<byte[]> members = redis.smembers(PRINCIPAL_INDEX + accountId);
        Instant now = clock.instant();
        return members.stream()
                .map(RedisAccountSessionDirectory::plain).flatMap(Optional::stream)
                .filter(String.class::isInstance).map(String.class::cast)
                .map(sessionId -> read(sessionId, now)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(AccountSession::lastActiveAt).reversed())
                .toList();
    }

    private Optional<AccountSession> read(String sessionId, Instant now) {
        Map<String, byte[]> hash = redis.hgetall(SESSIONS + sessionId);
        Optional<Instant> lastAccessed = number(hash.get(LAST_ACCESSED)).map(Instant::ofEpochMilli);
        if (lastAccessed.isEmpty()) {
            return Optional.empty(); // ended (the index is cleaned up after the hash)
        }
        Optional<Long> idleSeconds = number(hash.get(MAX_INACTIVE));
        if (idleSeconds.isPresent() && idleSeconds.get() >= 0
                && lastAccessed.get().plusSeconds(idleSeconds.get()).isBefore(now)) {
            return Optional.empty(); // expired, not yet removed
        }
        Optional<SessionSummary> summary = plain(hash.get(SUMMARY)).filter(String.class::isInstance)
                .map(String.class::cast).flatMap(SessionSummary::decode);
        return Optional.of(new AccountSession(sid(sessionId), summary.map(SessionSummary::signedInAt),
                lastAccessed.get(), summary.flatMap(SessionSummary::level),
                summary.flatMap(SessionSummary::browser), summary.flatMap(SessionSummary::system)));
    }

    private static Optional<Long> number(byte[] value) {
        return plain(value).filter(Number.class::isInstance).map(number -> ((Number) number).longValue());
    }

    /** A Java-serialised string or number; empty for anything else or nothing. */
    private static Optional<Object> plain(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value))) {
            in.setObjectInputFilter(PLAIN_VALUES);
            return Optional.of(in.readObject());
        } catch (IOException | ClassNotFoundException notPlain) {
            return Optional.empty();
        }
    }

    /** The authorization server's {@code sid}: SHA-256 of the session id, base64url without padding. */
    static String sid(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
