package dev.signet.core.code.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.OneTimeCodeStoreContract;
import dev.signet.core.replay.MutableClock;
import dev.signet.core.testing.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real redis-server: expiry is Redis's own TTL, so the expiry test lets real time pass too. */
class RedisOneTimeCodeStoreTest extends OneTimeCodeStoreContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final OneTimeCodeStore store = new RedisOneTimeCodeStore(connection,
            new CodeDigester(RedisOneTimeCodeStore.sharedKey(connection), new SecureRandom()), MAX_ATTEMPTS);

    @BeforeAll
    static void connect() {
        client = RedisClient.create(RedisTestServer.uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Override
    protected OneTimeCodeStore store() {
        return store;
    }

    @Override
    protected MutableClock clock() {
        return clock;
    }

    @Override
    protected void waitUntilExpired(Duration duration) throws InterruptedException {
        super.waitUntilExpired(duration);
        Thread.sleep(duration.toMillis());
    }

    @Test
    void anotherInstanceOnTheSameRedisChecksTheCodeAndSeesTheAttempts() {
        // A second instance: its own connection, and the shared key it finds in Redis.
        try (StatefulRedisConnection<String, String> second = client.connect()) {
            OneTimeCodeStore other = new RedisOneTimeCodeStore(second,
                    new CodeDigester(RedisOneTimeCodeStore.sharedKey(second), new SecureRandom()), MAX_ATTEMPTS);
            String subject = subject();
            String code = store.issue(CodePurpose.VERIFY_EMAIL, subject, Duration.ofMinutes(10));

            assertThat(store.check(CodePurpose.VERIFY_EMAIL, subject, code.equals("999999") ? "000000" : "999999"))
                    .isEqualTo(new CodeCheck.Wrong(4));
            assertThat(other.check(CodePurpose.VERIFY_EMAIL, subject, code.equals("000000") ? "999999" : "000000"))
                    .isEqualTo(new CodeCheck.Wrong(3));
            assertThat(other.check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(CodeCheck.Valid.class);
            assertThat(store.check(CodePurpose.VERIFY_EMAIL, subject, code))
                    .isInstanceOf(CodeCheck.ExpiredOrUnknown.class);
        }
    }

    @Test
    void redisHoldsNeitherTheCodeNorTheSubjectAndExpiresTheEntry() {
        String subject = subject();
        String code = store.issue(CodePurpose.RESET_PASSWORD, subject, Duration.ofMinutes(10));

        List<String> keys = connection.sync().keys("signet:code:RESET_PASSWORD:*");
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(subject));
        for (String key : keys) {
            assertThat(connection.sync().hgetall(key).values()).noneMatch(value -> value.contains(code));
            assertThat(connection.sync().pttl(key)).isBetween(1L, Duration.ofMinutes(10).toMillis());
        }
    }
}
