package dev.signet.core.code.redis;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * {@link OneTimeCodeStore} in Redis, shared by every identity-server instance. One hash per purpose and subject,
 * {@code signet:code:<purpose>:<HMAC of subject>} with the code's HMAC ({@code d}) and its wrong attempts
 * ({@code a}), expiring by Redis's own TTL. Neither the code nor the subject is stored in clear.
 *
 * <p>Every command and script touches one key, so this works the same on a single server and on a Redis Cluster.
 *
 * <p>The digest comparison happens here, in constant time. Consuming a code and counting a wrong attempt are Lua
 * scripts that first re-check that the stored digest is still the one compared, so they are atomic across instances:
 * of several racing right answers exactly one is valid, and every wrong attempt counts.
 */
public final class RedisOneTimeCodeStore implements OneTimeCodeStore {

    private static final String PREFIX = "signet:code:";
    private static final String KEY_NAME = "signet:codes:hmac-key";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private static final String ISSUE = """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'd', ARGV[1], 'a', '0')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";
    private static final String CONSUME = """
            if redis.call('HGET', KEYS[1], 'd') == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0""";
    // Returns attempts left, 0 when the code is now withdrawn, -1 when the code changed since it was read.
    private static final String COUNT_WRONG = """
            if redis.call('HGET', KEYS[1], 'd') ~= ARGV[1] then
              return -1
            end
            local wrong = redis.call('HINCRBY', KEYS[1], 'a', 1)
            local max = tonumber(ARGV[2])
            if wrong >= max then
              redis.call('DEL', KEYS[1])
              return 0
            end
            return max - wrong""";
    /** A code replaced this many times during one check is treated as gone rather than chased forever. */
    private static final int MAX_RACES = 3;

    private final RedisClusterCommands<String, String> redis;
    private final CodeDigester digester;
    private final int maxAttempts;

    /** {@code redis}: the synchronous commands of a single-server, Sentinel or Cluster connection. */
    public RedisOneTimeCodeStore(RedisClusterCommands<String, String> redis, CodeDigester digester, int maxAttempts) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.digester = Objects.requireNonNull(digester, "digester");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /**
     * The HMAC key every instance shares when none is configured: created once in Redis ({@code SET NX}) by whichever
     * instance starts first. A configured key is better: then a copy of Redis alone reveals no code.
     */
    public static byte[] sharedKey(RedisClusterCommands<String, String> redis) {
        byte[] fresh = new byte[CodeDigester.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        redis.set(KEY_NAME, Base64.getEncoder().encodeToString(fresh), SetArgs.Builder.nx());
        return Base64.getDecoder().decode(redis.get(KEY_NAME));
    }

    @Override
    public String issue(CodePurpose purpose, String subject, Duration timeToLive) {
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.toMillis() < 1) {
            throw new IllegalArgumentException("timeToLive must be positive");
        }
        String code = digester.newCode();
        String digest = BASE64.encodeToString(digester.digest(purpose, subject, code));
        redis.eval(ISSUE, ScriptOutputType.INTEGER, new String[] {key(purpose, subject)}, digest,
                Long.toString(timeToLive.toMillis()));
        return code;
    }

    @Override
    public CodeCheck check(CodePurpose purpose, String subject, String typedCode) {
        byte[] typed = digester.digest(purpose, subject, CodeDigester.normaliseTyped(typedCode));
        String key = key(purpose, subject);
        for (int race = 0; race < MAX_RACES; race++) {
            String stored = redis.hget(key, "d");
            if (stored == null) {
                return new CodeCheck.ExpiredOrUnknown();
            }
            if (CodeDigester.same(typed, Base64.getUrlDecoder().decode(stored))) {
                Long consumed = redis.eval(CONSUME, ScriptOutputType.INTEGER, new String[] {key}, stored);
                // Zero: another instance consumed or replaced it first.
                return consumed == 1 ? new CodeCheck.Valid() : new CodeCheck.ExpiredOrUnknown();
            }
            Long left = redis.eval(COUNT_WRONG, ScriptOutputType.INTEGER, new String[] {key}, stored,
                    Integer.toString(maxAttempts));
            if (left == 0) {
                return new CodeCheck.TooManyAttempts();
            }
            if (left > 0) {
                return new CodeCheck.Wrong(left.intValue());
            }
        }
        return new CodeCheck.ExpiredOrUnknown();
    }

    private String key(CodePurpose purpose, String subject) {
        return PREFIX + Objects.requireNonNull(purpose, "purpose").name() + ':'
                + BASE64.encodeToString(digester.subjectId(subject));
    }
}
