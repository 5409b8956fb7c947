package dev.signet.core.protection.redis;

import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.AttemptDecision;
import dev.signet.core.protection.AttemptPolicy;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link AttemptCounter} in Redis, shared by every identity-server instance, so a limit holds however requests are
 * spread. One hash per key, {@code signet:attempts:<HMAC of key>}, with the count ({@code c}), the window's start
 * ({@code s}), when the next attempt is allowed ({@code n}) and when a lock ends ({@code u}), all in epoch
 * milliseconds, expiring by Redis's own TTL once nothing in it matters any more. Keys name email addresses and client
 * addresses, so only their HMAC is stored.
 *
 * <p>Each operation is one Lua script on one key, atomic in Redis, on a single server as on a Redis Cluster. Times come from the caller's clock (instances are expected to
 * keep their clocks in sync, as token expiry already requires).
 */
public final class RedisAttemptCounter implements AttemptCounter {

    private static final String PREFIX = "signet:attempts:";
    private static final String KEY_NAME = "signet:attempts:hmac-key";
    private static final int MIN_KEY_BYTES = 32;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    // ARGV: now, free, firstDelay, maxDelay, window, lockoutAfter, lockoutDuration (milliseconds).
    // Returns {0, attempt, lockoutStarted} when allowed, {1, wait} when delayed, {2, wait} when locked.
    private static final String ATTEMPT = """
            local now = tonumber(ARGV[1])
            local free = tonumber(ARGV[2])
            local first = tonumber(ARGV[3])
            local maxDelay = tonumber(ARGV[4])
            local window = tonumber(ARGV[5])
            local lockAfter = tonumber(ARGV[6])
            local lockFor = tonumber(ARGV[7])
            local state = redis.call('HMGET', KEYS[1], 'c', 's', 'n', 'u')
            local count = tonumber(state[1]) or 0
            local start = tonumber(state[2]) or now
            local nextAt = tonumber(state[3]) or 0
            local untilAt = tonumber(state[4]) or 0
            if untilAt > now then
              return {2, untilAt - now}
            end
            if start + window <= now then
              count = 0
              start = now
              nextAt = 0
            end
            if nextAt > now then
              return {1, nextAt - now}
            end
            count = count + 1
            if lockAfter > 0 and count >= lockAfter then
              untilAt = now + lockFor
              redis.call('HSET', KEYS[1], 'c', 0, 's', untilAt, 'n', 0, 'u', untilAt)
              redis.call('PEXPIRE', KEYS[1], untilAt + window - now)
              return {0, count, 1}
            end
            local beyond = count - free
            local delay = 0
            if beyond > 0 then
              delay = maxDelay
              if beyond <= 62 then
                delay = math.min(first * (2 ^ (beyond - 1)), maxDelay)
              end
            end
            nextAt = now + math.floor(delay)
            redis.call('HSET', KEYS[1], 'c', count, 's', start, 'n', nextAt, 'u', untilAt)
            redis.call('PEXPIRE', KEYS[1], math.max(start + window, nextAt) - now)
            return {0, count, 0}""";
    // ARGV: free.
    private static final String REFUND = """
            local count = tonumber(redis.call('HGET', KEYS[1], 'c'))
            if count == nil then
              return 0
            end
            count = math.max(0, count - 1)
            redis.call('HSET', KEYS[1], 'c', count)
            if count <= tonumber(ARGV[1]) then
              redis.call('HSET', KEYS[1], 'n', 0)
            end
            return 1""";

    private final RedisClusterCommands<String, String> redis;
    private final SecretKeySpec hmacKey;
    private final Clock clock;

    /** {@code redis}: the synchronous commands of a single-server, Sentinel or Cluster connection. */
    public RedisAttemptCounter(RedisClusterCommands<String, String> redis, byte[] hmacKey, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(hmacKey, "hmacKey");
        if (hmacKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The attempt key HMAC key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.hmacKey = new SecretKeySpec(hmacKey.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The HMAC key every instance shares: created once in Redis ({@code SET NX}) by whichever instance starts first. */
    public static byte[] sharedKey(RedisClusterCommands<String, String> redis) {
        byte[] fresh = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        redis.set(KEY_NAME, Base64.getEncoder().encodeToString(fresh), SetArgs.Builder.nx());
        return Base64.getDecoder().decode(redis.get(KEY_NAME));
    }

    @Override
    public AttemptDecision attempt(String key, AttemptPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        List<Long> reply = redis.eval(ATTEMPT, ScriptOutputType.MULTI, new String[] {redisKey(key)},
                Long.toString(clock.millis()), Integer.toString(policy.freeAttempts()),
                Long.toString(policy.firstDelay().toMillis()), Long.toString(policy.maxDelay().toMillis()),
                Long.toString(policy.window().toMillis()), Integer.toString(policy.lockoutAfter()),
                Long.toString(policy.lockoutDuration().toMillis()));
        long kind = reply.get(0);
        if (kind == 0) {
            return new AttemptDecision.Allowed(reply.get(1).intValue(), reply.get(2) == 1);
        }
        Duration wait = Duration.ofMillis(reply.get(1));
        return kind == 1 ? new AttemptDecision.Delayed(wait) : new AttemptDecision.LockedOut(wait);
    }

    @Override
    public void forget(String key) {
        redis.del(redisKey(key));
    }

    @Override
    public void refund(String key, AttemptPolicy policy) {
        redis.eval(REFUND, ScriptOutputType.INTEGER, new String[] {redisKey(key)},
                Integer.toString(policy.freeAttempts()));
    }

    private String redisKey(String key) {
        Objects.requireNonNull(key, "key");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return PREFIX + BASE64.encodeToString(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
