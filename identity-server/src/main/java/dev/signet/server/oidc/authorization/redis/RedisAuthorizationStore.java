package dev.signet.server.oidc.authorization.redis;

import dev.signet.server.oidc.authorization.AuthorizationJson;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.CompactValues;
import dev.signet.server.oidc.authorization.RefreshTokenClaim;
import dev.signet.server.oidc.authorization.TokenHashes;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuthorizationStore} on Redis, for several instances, on a single server as on a Redis Cluster. Keys:
 * <ul>
 * <li>{@code signet:authz:{<id>}}: one hash per authorization, expiring with its longest-lived token;</li>
 * <li>{@code signet:authz:{<id>}:revoked}: the mark of a revoked token family; the hash tag {@code {<id>}} keeps it in
 * the authorization's hash slot, so one Lua script checks it and writes the authorization atomically, also on a
 * Cluster;</li>
 * <li>{@code signet:authz:idx:<type>:<sha256 of the value>}: one index key per token (and {@code state}) pointing at
 * the authorization, so raw token values never appear in key names;</li>
 * <li>{@code signet:authz:principal:<name>}: the set of a principal's authorization ids.</li>
 * </ul>
 * Index keys and principal sets live in other hash slots, so they are written by their own single-key commands around
 * the script: index keys before it, stale ones removed after it. An index key is only a pointer: a lookup follows it
 * and then checks that the authorization really holds that token, so a pointer left behind by a crash between two
 * commands never finds anything.
 * <p>
 * Commands that do not depend on each other's answers (the pointers written before the script, the stale ones removed
 * and the principal set updated after it, the pointers a lookup without a token type tries) are sent together on the
 * connection's asynchronous API and awaited together: one round trip instead of one each, with the same commands and
 * the same order of effects as before.
 * <p>
 * What a refresh costs was cut further (docs/benchmarks.md, third round): attributes and token metadata are written in
 * {@link CompactValues}' encoding ({@code attrs}, {@code <type>.meta}) instead of generic Jackson JSON (the
 * {@code attributes} and {@code <type>.metadata} fields written before are still read, and rewritten compactly on the
 * next save); scripts run by digest ({@code EVALSHA}); a lookup without a token type asks for all its pointers with one
 * {@code MGET}; a stale pointer of a value never issued twice is removed with a plain {@code DEL}; and the principal's
 * set is extended only when it could expire before the authorization (the authorization remembers until when it was
 * extended, in {@code principal-until}), not on every rotation.
 */
public final class RedisAuthorizationStore implements AuthorizationStore {

    /** How long an authorization with no expiring token yet (a request waiting for consent) is kept. */
    static final Duration PENDING_TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final String PREFIX = "signet:authz:";
    private static final String INDEX = PREFIX + "idx:";
    private static final String PRINCIPAL = PREFIX + "principal:";
    private static final String CLAIMED = PREFIX + "claimed:";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Attributes and token metadata in {@link CompactValues}' encoding. */
    private static final String ATTRIBUTES = "attrs";
    private static final String METADATA = "meta";
    /** The same, in the generic Jackson JSON written before: still read, never written. */
    private static final String LEGACY_ATTRIBUTES = "attributes";
    private static final String LEGACY_METADATA = "metadata";

    /** Kinds of token kept in an authorization: field prefix, index type, token class. */
    private enum Kind {
        CODE("code", OAuth2AuthorizationCode.class, true),
        ACCESS("access_token", OAuth2AccessToken.class, true),
        REFRESH("refresh_token", OAuth2RefreshToken.class, true),
        ID("id_token", OidcIdToken.class, true),
        USER_CODE("user_code", OAuth2UserCode.class, false),
        DEVICE_CODE("device_code", OAuth2DeviceCode.class, true);

        final String type;
        final Class<? extends OAuth2Token> tokenClass;
        /**
         * Whether a value of this kind is random enough never to be issued twice, so that its pointer can only ever
         * point at one authorization and may be deleted without checking where it points. A user code (8 letters typed
         * by a person) and a client's {@code state} may recur, so theirs are deleted only while they point here.
         */
        final boolean unique;

        Kind(String type, Class<? extends OAuth2Token> tokenClass, boolean unique) {
            this.type = type;
            this.tokenClass = tokenClass;
            this.unique = unique;
        }
    }

    // KEYS: authorization, revoked mark. ARGV: ttl, index keys (space-separated), the time (epoch ms) until which the
    // principal's set must live, the later time to extend it to when it must be extended, then field/value pairs.
    // Returns {index keys written before (space-separated), 1 when the principal's set must be extended to ARGV[4]},
    // or {'revoked'} when the family is revoked.
    private static final Script SAVE = new Script("""
            if redis.call('EXISTS', KEYS[2]) == 1 then return {'revoked'} end
            local old = redis.call('HMGET', KEYS[1], 'idx', 'principal-until')
            local extended = old[2] or '0'
            local extend = 0
            if tonumber(extended) < tonumber(ARGV[3]) then extended = ARGV[4]; extend = 1 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'idx', ARGV[2], 'principal-until', extended, unpack(ARGV, 5))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return {old[1] or '', extend}
            """);

    // KEYS: authorization, revoked mark. ARGV: how long to mark the family revoked (0: not at all).
    // Returns {index keys (space-separated), principal name}.
    private static final Script REMOVE = new Script("""
            if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[2], '1', 'PX', ARGV[1]) end
            local idx = redis.call('HGET', KEYS[1], 'idx') or ''
            local principal = redis.call('HGET', KEYS[1], 'principal') or ''
            redis.call('DEL', KEYS[1])
            return {idx, principal}
            """);

    /** Deletes an index key only while it still points at the given authorization. */
    private static final Script DELETE_POINTER = new Script("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);

    /** Adds an id to a principal's set, which lives as long as the longest-lived authorization in it. */
    private static final Script ADD_TO_PRINCIPAL = new Script("""
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 1
            """);

    /** Prefixes of the pointers whose value is never issued twice ({@link Kind#unique}). */
    private static final List<String> UNIQUE_POINTERS = Arrays.stream(Kind.values()).filter(kind -> kind.unique)
            .map(kind -> INDEX + kind.type + ":").toList();

    private final RedisClusterCommands<String, String> redis;
    private final RedisClusterAsyncCommands<String, String> pipelined;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = AuthorizationJson.mapper();
    private final CompactValues values = new CompactValues(json);

    /** {@code redis}: the synchronous commands of a single-server, Sentinel or Cluster connection. */
    public RedisAuthorizationStore(RedisClusterCommands<String, String> redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (redis instanceof RedisAdvancedClusterCommands<String, String> cluster) {
            this.pipelined = cluster.getStatefulConnection().async();
            this.timeout = cluster.getStatefulConnection().getTimeout();
        } else if (redis instanceof RedisCommands<String, String> single) {
            this.pipelined = single.getStatefulConnection().async();
            this.timeout = single.getStatefulConnection().getTimeout();
        } else {
            throw new IllegalArgumentException("not the commands of a Lettuce connection: " + redis.getClass());
        }
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        String id = authorization.getId();
        long ttl = timeToLive(authorization).toMillis();
        List<String> indexKeys = new ArrayList<>();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            indexKeys.add(indexKey(OAuth2ParameterNames.STATE, state));
        }
        List<String> fields = new ArrayList<>(List.of(
                "client", authorization.getRegisteredClientId(),
                "principal", authorization.getPrincipalName(),
                "grant", authorization.getAuthorizationGrantType().getValue(),
                "scopes", String.join(" ", authorization.getAuthorizedScopes()),
                ATTRIBUTES, values.write(authorization.getAttributes())));
        for (Kind kind : Kind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass);
            if (token == null) {
                continue;
            }
            OAuth2Token value = token.getToken();
            indexKeys.add(indexKey(kind.type, value.getTokenValue()));
            String f = kind.type + ".";
            fields.addAll(List.of(f + "value", value.getTokenValue(), f + METADATA, values.write(token.getMetadata())));
            if (value.getIssuedAt() != null) {
                fields.addAll(List.of(f + "iat", Long.toString(value.getIssuedAt().toEpochMilli())));
            }
            if (value.getExpiresAt() != null) {
                fields.addAll(List.of(f + "exp", Long.toString(value.getExpiresAt().toEpochMilli())));
            }
            if (value instanceof OAuth2AccessToken access) {
                fields.addAll(List.of(f + "type", access.getTokenType().getValue(), f + "scopes",
                        String.join(" ", access.getScopes())));
            }
        }
        // Pointers first: once the authorization is written, each of its tokens is found.
        List<CompletionStage<?>> pointers = new ArrayList<>();
        for (String indexKey : indexKeys) {
            pointers.add(pipelined.set(indexKey, id, SetArgs.Builder.px(ttl)));
        }
        awaitAll(pointers);
        long now = clock.millis();
        // The principal's set is extended only when it might expire before this authorization, and then by half as
        // long again, so that a family refreshed every few minutes does not rewrite it on every rotation.
        long principalTtl = ttl + ttl / 2;
        List<String> args = new ArrayList<>(List.of(Long.toString(ttl), String.join(" ", indexKeys),
                Long.toString(now + ttl), Long.toString(now + principalTtl)));
        args.addAll(fields);
        List<Object> saved = await(eval(SAVE, ScriptOutputType.MULTI, new String[] {key(id), revokedKey(id)},
                args.toArray(String[]::new)));
        if (saved.size() < 2) {
            awaitAll(deletePointers(indexKeys, id));
            throw new FamilyRevokedException(id);
        }
        List<String> stale = new ArrayList<>(words((String) saved.get(0)));
        stale.removeAll(indexKeys);
        List<CompletionStage<?>> after = deletePointers(stale, id);
        if (Long.valueOf(1).equals(saved.get(1))) {
            after.add(eval(ADD_TO_PRINCIPAL, ScriptOutputType.INTEGER,
                    new String[] {PRINCIPAL + authorization.getPrincipalName()}, id, Long.toString(principalTtl)));
        }
        awaitAll(after);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        delete(authorization.getId(), 0);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Objects.requireNonNull(id, "id");
        Map<String, String> fields = redis.hgetall(key(id));
        return fields == null || fields.isEmpty() ? null : decode(id, fields);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Objects.requireNonNull(token, "token");
        List<String> types = tokenType == null
                ? concat(OAuth2ParameterNames.STATE, Arrays.stream(Kind.values()).map(k -> k.type).toList())
                : List.of(tokenType.getValue());
        String hash = TokenHashes.sha256(token);
        List<String> ids;
        if (types.size() == 1) {
            ids = Collections.singletonList(redis.get(INDEX + types.get(0) + ":" + hash));
        } else {
            // One MGET for every type (split by hash slot on a Cluster) instead of a GET each.
            ids = redis.mget(types.stream().map(type -> INDEX + type + ":" + hash).toArray(String[]::new)).stream()
                    .map(pointer -> pointer.getValueOrElse(null)).toList();
        }
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            String id = ids.get(i);
            if (id == null) {
                continue;
            }
            OAuth2Authorization authorization = findById(id);
            if (authorization != null && holds(authorization, type, token)) {
                return authorization;
            }
        }
        return null;
    }

    @Override
    public RefreshTokenClaim claimRefreshToken(String refreshTokenValue, String authorizationId, Instant expiresAt) {
        String key = CLAIMED + TokenHashes.sha256(refreshTokenValue);
        long ttl = Math.max(1000, Duration.between(clock.instant(), expiresAt).toMillis());
        if ("OK".equals(redis.set(key, authorizationId, SetArgs.Builder.nx().px(ttl)))) {
            return new RefreshTokenClaim.FirstUse();
        }
        return new RefreshTokenClaim.Reuse(Optional.ofNullable(redis.get(key)).orElse(authorizationId));
    }

    @Override
    public Optional<String> familyOfClaimedRefreshToken(String refreshTokenValue) {
        return Optional.ofNullable(redis.get(CLAIMED + TokenHashes.sha256(refreshTokenValue)));
    }

    @Override
    public void revokeFamily(String authorizationId, Instant until) {
        delete(authorizationId, Math.max(1000, Duration.between(clock.instant(), until).toMillis()));
    }

    @Override
    public List<OAuth2Authorization> findByPrincipalName(String principalName) {
        List<OAuth2Authorization> found = new ArrayList<>();
        for (String id : redis.smembers(PRINCIPAL + principalName)) {
            OAuth2Authorization authorization = findById(id);
            if (authorization == null) {
                redis.srem(PRINCIPAL + principalName, id); // expired
            } else {
                found.add(authorization);
            }
        }
        return found;
    }

    private void delete(String id, long revokedMillis) {
        List<String> removed = await(eval(REMOVE, ScriptOutputType.MULTI, new String[] {key(id), revokedKey(id)},
                Long.toString(revokedMillis)));
        List<CompletionStage<?>> cleanUp = deletePointers(words(removed.get(0)), id);
        if (!removed.get(1).isEmpty()) {
            cleanUp.add(pipelined.srem(PRINCIPAL + removed.get(1), id));
        }
        awaitAll(cleanUp);
    }

    /**
     * Sends one delete per pointer without waiting; the caller awaits them with whatever follows. The pointer of a
     * value that is never issued twice can only point here and is deleted outright; the others only while they still
     * point at this authorization.
     */
    private List<CompletionStage<?>> deletePointers(Iterable<String> indexKeys, String id) {
        List<CompletionStage<?>> deletes = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        for (String indexKey : indexKeys) {
            if (UNIQUE_POINTERS.stream().anyMatch(indexKey::startsWith)) {
                unique.add(indexKey);
            } else {
                deletes.add(eval(DELETE_POINTER, ScriptOutputType.INTEGER, new String[] {indexKey}, id));
            }
        }
        if (!unique.isEmpty()) {
            // One DEL per key: on a Cluster the keys live in different slots.
            for (String indexKey : unique) {
                deletes.add(pipelined.del(indexKey));
            }
        }
        return deletes;
    }

    /**
     * Runs a script by its SHA-1 digest, so Redis neither receives nor hashes its text on every call; the first call
     * on a server that does not know it yet ({@code NOSCRIPT}, also after a restart or a failover) sends the text.
     */
    private <T> CompletionStage<T> eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisFuture<T> byDigest = pipelined.evalsha(script.digest(), type, keys, args);
        return byDigest.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            return cause instanceof RedisNoScriptException
                    ? pipelined.<T>eval(script.text(), type, keys, args)
                    : CompletableFuture.failedStage(cause);
        });
    }

    /** A Lua script and the SHA-1 digest Redis knows it by. */
    private record Script(String text, String digest) {

        Script(String text) {
            this(text, sha1(text));
        }

        private static String sha1(String text) {
            try {
                return HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every JVM", e);
            }
        }
    }

    /** Waits for every command sent, then fails as the synchronous API would with the first command's failure. */
    private void awaitAll(List<? extends CompletionStage<?>> futures) {
        RuntimeException first = null;
        for (CompletionStage<?> future : futures) {
            try {
                await(future);
            } catch (RuntimeException failure) {
                first = first == null ? failure : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The answer of one command, or its failure unwrapped (a {@code RedisException}), as the synchronous API gives. */
    private <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new RedisException(failure.getCause());
        } catch (TimeoutException timedOut) {
            future.cancel(true);
            throw new RedisCommandTimeoutException("Command timed out after " + timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RedisCommandInterruptedException(interrupted);
        }
    }

    /**
     * {@code signet:authz:{<id>}}: the braces make Redis Cluster hash only the id, so the authorization and its revoked
     * mark share a slot. An id that itself contains a brace (Spring's are UUIDs) is tagged by its digest instead, since
     * Redis would otherwise end the tag at the id's own brace.
     */
    private static String key(String id) {
        String tag = id.isEmpty() || id.indexOf('{') >= 0 || id.indexOf('}') >= 0 ? TokenHashes.sha256(id) : id;
        return PREFIX + "{" + tag + "}";
    }

    private static String revokedKey(String id) {
        return key(id) + ":revoked";
    }

    /** Until the longest-lived token expires; tokens are kept after invalidation so they read as inactive. */
    private Duration timeToLive(OAuth2Authorization authorization) {
        Instant latest = null;
        for (Kind kind : Kind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass);
            Instant expiresAt = token == null ? null : token.getToken().getExpiresAt();
            if (expiresAt != null && (latest == null || expiresAt.isAfter(latest))) {
                latest = expiresAt;
            }
        }
        if (latest == null) {
            return PENDING_TIME_TO_LIVE;
        }
        Duration remaining = Duration.between(clock.instant(), latest);
        return remaining.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : remaining;
    }

    private static boolean holds(OAuth2Authorization authorization, String type, String token) {
        if (OAuth2ParameterNames.STATE.equals(type)) {
            return token.equals(authorization.getAttribute(OAuth2ParameterNames.STATE));
        }
        OAuth2Authorization.Token<?> found = authorization.getToken(token);
        return found != null && Arrays.stream(Kind.values())
                .anyMatch(kind -> kind.type.equals(type) && kind.tokenClass.isInstance(found.getToken()));
    }

    private OAuth2Authorization decode(String id, Map<String, String> fields) {
        OAuth2Authorization.Builder builder = new OAuth2Authorization.Builder(fields.get("client")) {
        };
        builder.id(id)
                .principalName(fields.get("principal"))
                .authorizationGrantType(new AuthorizationGrantType(fields.get("grant")))
                .authorizedScopes(words(fields.get("scopes")));
        Map<String, Object> attributes = read(fields, ATTRIBUTES, LEGACY_ATTRIBUTES);
        builder.attributes(all -> all.putAll(attributes));
        for (Kind kind : Kind.values()) {
            String f = kind.type + ".";
            String value = fields.get(f + "value");
            if (value == null) {
                continue;
            }
            Instant issuedAt = instant(fields.get(f + "iat"));
            Instant expiresAt = instant(fields.get(f + "exp"));
            Map<String, Object> metadata = read(fields, f + METADATA, f + LEGACY_METADATA);
            OAuth2Token token = switch (kind) {
                case CODE -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
                case ACCESS -> new OAuth2AccessToken(accessTokenType(fields.get(f + "type")), value, issuedAt,
                        expiresAt, words(fields.get(f + "scopes")));
                case REFRESH -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
                case ID -> new OidcIdToken(value, issuedAt, expiresAt,
                        claims(metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME)));
                case USER_CODE -> new OAuth2UserCode(value, issuedAt, expiresAt);
                case DEVICE_CODE -> new OAuth2DeviceCode(value, issuedAt, expiresAt);
            };
            builder.token(token, all -> all.putAll(metadata));
        }
        return builder.build();
    }

    /** A map written in the compact encoding, or by an instance that still wrote generic Jackson JSON. */
    private Map<String, Object> read(Map<String, String> fields, String name, String legacyName) {
        String compact = fields.get(name);
        return compact != null ? values.read(compact) : json.readValue(fields.get(legacyName), MAP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Object claims) {
        return (Map<String, Object>) claims;
    }

    private static OAuth2AccessToken.TokenType accessTokenType(String value) {
        return OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value)
                ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
    }

    private static Set<String> words(String text) {
        return text == null || text.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.split(" ")));
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String indexKey(String type, String tokenValue) {
        return INDEX + type + ":" + TokenHashes.sha256(tokenValue);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
