package dev.signet.core.code.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.OneTimeCodeStoreContract;
import dev.signet.core.replay.MutableClock;
import dev.signet.core.testing.RedisTopology;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Against a real redis-server, single and clustered: expiry is Redis's own TTL, so the expiry test lets real time pass
 * too.
 */
@ParameterizedClass
@EnumSource(RedisTopology.class)
class RedisOneTimeCodeStoreTest extends OneTimeCodeStoreContract {

    private final RedisTopology redisTopology;
    private final RedisClusterCommands<String, String> redis;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final OneTimeCodeStore store;

    RedisOneTimeCodeStoreTest(RedisTopology redisTopology) {
        this.redisTopology = redisTopology;
        this.redis = redisTopology.commands();
        this.store = new RedisOneTimeCodeStore(redis,
                new CodeDigester(RedisOneTimeCodeStore.sharedKey(redis), new SecureRandom()), MAX_ATTEMPTS);
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
        try (RedisTopology.Connected second = redisTopology.connect()) {
            OneTimeCodeStore other = new RedisOneTimeCodeStore(second.commands(),
                    new CodeDigester(RedisOneTimeCodeStore.sharedKey(second.commands()), new SecureRandom()),
                    MAX_ATTEMPTS);
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

        List<String> keys = redis.keys("signet:code:RESET_PASSWORD:*");
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(subject));
        for (String key : keys) {
            assertThat(redis.hgetall(key).values()).noneMatch(value -> value.contains(code));
            assertThat(redis.pttl(key)).isBetween(1L, Duration.ofMinutes(10).toMillis());
        }
    }
}
