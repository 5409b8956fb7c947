package dev.signet.core.sessions.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.sessions.AccountSession;
import dev.signet.core.sessions.SessionSummary;
import dev.signet.core.testing.RedisTestCluster;
import dev.signet.core.testing.RedisTestServer;
import dev.signet.core.testing.RedisTopology;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter against a real redis-server, single and clustered, with sessions written in Spring Session's layout
 * (Java-serialised values) as identity-server leaves them. That identity-server really writes this layout is shown
 * by identity-server's AccountSessionsIT, which reads its own signed-in sessions through this adapter.
 */
@ParameterizedClass
@EnumSource(RedisTopology.class)
class RedisAccountSessionDirectoryTest {

    private static final String INDEX = "signet:session:index:"
            + "org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME:";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final AbstractRedisClient client;
    private final RedisClusterCommands<String, byte[]> redis;
    private final RedisAccountSessionDirectory directory;

    RedisAccountSessionDirectoryTest(RedisTopology topology) {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        if (topology == RedisTopology.CLUSTER) {
            RedisClusterClient cluster = RedisClusterClient.create(RedisTestCluster.ports().stream()
                    .map(port -> RedisURI.create("127.0.0.1", port)).toList());
            client = cluster;
            redis = cluster.connect(codec).sync();
        } else {
            RedisClient single = RedisClient.create(RedisTestServer.uri());
            client = single;
            redis = single.connect(codec).sync();
        }
        directory = new RedisAccountSessionDirectory(redis, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        client.shutdown();
    }

    @Test
    void listsTheAccountsLiveSessionsByTheirSidMostRecentlyActiveFirst() {
        UUID account = UUID.randomUUID();
        String laptop = session(account, NOW.minusSeconds(600), 1800, new SessionSummary(NOW.minusSeconds(3600),
                Optional.of("Cl.Cm"), Optional.of("Firefox"), Optional.of("Windows")).encode());
        String phone = session(account, NOW.minusSeconds(60), 1800, new SessionSummary(NOW.minusSeconds(120),
                Optional.of("Cl"), Optional.of("Safari"), Optional.of("iPhone")).encode());
        session(UUID.randomUUID(), NOW, 1800, null);

        List<AccountSession> sessions = directory.findByAccount(account);

        assertThat(sessions).containsExactly(
                new AccountSession(RedisAccountSessionDirectory.sid(phone), Optional.of(NOW.minusSeconds(120)),
                        NOW.minusSeconds(60), Optional.of("Cl"), Optional.of("Safari"), Optional.of("iPhone")),
                new AccountSession(RedisAccountSessionDirectory.sid(laptop), Optional.of(NOW.minusSeconds(3600)),
                        NOW.minusSeconds(600), Optional.of("Cl.Cm"), Optional.of("Firefox"), Optional.of("Windows")));
        assertThat(sessions).extracting(AccountSession::sid).doesNotContain(laptop, phone);
    }

    @Test
    void aSessionWithoutASummaryIsListedWithWhatItsHashSays() {
        UUID account = UUID.randomUUID();
        String session = session(account, NOW.minusSeconds(5), 1800, null);

        assertThat(directory.findByAccount(account)).containsExactly(new AccountSession(
                RedisAccountSessionDirectory.sid(session), Optional.empty(), NOW.minusSeconds(5), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void expiredAndDeletedSessionsStillInTheIndexAreNotListed() {
        UUID account = UUID.randomUUID();
        session(account, NOW.minusSeconds(1801), 1800, null);
        String deleted = session(account, NOW, 1800, null);
        redis.del("signet:session:sessions:" + deleted);

        assertThat(directory.findByAccount(account)).isEmpty();
        assertThat(directory.findByAccount(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anAttributeOfAnyOtherClassIsNeverDeserialised() {
        UUID account = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        byte[] notPlain = serialized(new NotPlain("x"));
        NotPlain.deserialised = false;
        redis.hset("signet:session:sessions:" + id, java.util.Map.of(
                "lastAccessedTime", serialized(NOW.toEpochMilli()),
                "sessionAttr:" + SessionSummary.ATTRIBUTE, notPlain));
        redis.sadd(INDEX + account, serialized(id));

        assertThat(directory.findByAccount(account)).extracting(AccountSession::signedInAt)
                .containsExactly(Optional.empty());
        assertThat(NotPlain.deserialised).isFalse();
    }

    /** Spring Session's keys for one session; returns its id. */
    private String session(UUID account, Instant lastAccessed, int idleSeconds, String summary) {
        String id = UUID.randomUUID().toString();
        String key = "signet:session:sessions:" + id;
        redis.hset(key, "creationTime", serialized(lastAccessed.toEpochMilli()));
        redis.hset(key, "lastAccessedTime", serialized(lastAccessed.toEpochMilli()));
        redis.hset(key, "maxInactiveInterval", serialized(idleSeconds));
        if (summary != null) {
            redis.hset(key, "sessionAttr:" + SessionSummary.ATTRIBUTE, serialized(summary));
        }
        redis.sadd(INDEX + account, serialized(id));
        return id;
    }

    private static byte[] serialized(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A class the directory must refuse to deserialise. */
    record NotPlain(String value) implements Serializable {
        static volatile boolean deserialised;

        NotPlain {
            deserialised = true;
        }
    }
}
