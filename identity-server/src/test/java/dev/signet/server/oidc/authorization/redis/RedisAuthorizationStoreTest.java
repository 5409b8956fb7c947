package dev.signet.server.oidc.authorization.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.RedisTopology;
import dev.signet.server.oidc.authorization.AuthorizationJson;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.AuthorizationStoreContract;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import tools.jackson.databind.json.JsonMapper;

/** The store's contract against a real single redis-server and a real three-node Redis Cluster. */
@ParameterizedClass
@EnumSource(RedisTopology.class)
class RedisAuthorizationStoreTest extends AuthorizationStoreContract {

    private final RedisClusterCommands<String, String> redis;
    private final RedisAuthorizationStore store;

    RedisAuthorizationStoreTest(RedisTopology topology) {
        redis = topology.commands();
        store = new RedisAuthorizationStore(redis, Clock.systemUTC());
    }

    @Override
    protected AuthorizationStore store() {
        return store;
    }

    @Test
    void keysNameTokensOnlyByHashAndExpireWithTheLongestLivedToken() {
        OAuth2Authorization saved = granted(citizen(), "sid-keys");
        store.save(saved);

        List<String> keys = redis.keys("signet:authz:*");
        String refresh = saved.getRefreshToken().getToken().getTokenValue();
        String access = saved.getAccessToken().getToken().getTokenValue();
        assertThat(keys).noneMatch(key -> key.contains(refresh) || key.contains(access));
        long ttl = redis.pttl("signet:authz:{" + saved.getId() + "}");
        // The refresh token lives 8 hours, longer than every other token.
        assertThat(ttl).isBetween(Duration.ofHours(7).toMillis(), Duration.ofHours(8).toMillis());
    }

    @Test
    void anAuthorizationAndItsRevokedMarkShareOneHashSlot() {
        OAuth2Authorization saved = granted(citizen(), "sid-slot");
        store.save(saved);
        store.revokeFamily(saved.getId(), java.time.Instant.now().plus(Duration.ofHours(1)));

        String revoked = "signet:authz:{" + saved.getId() + "}:revoked";
        assertThat(redis.exists(revoked)).isEqualTo(1L);
        assertThat(SlotHash.getSlot(revoked)).isEqualTo(SlotHash.getSlot("signet:authz:{" + saved.getId() + "}"));
    }

    @Test
    void authorizationWrittenInTheEarlierJacksonFormatIsStillRead() {
        OAuth2Authorization granted = granted(citizen(), "sid-legacy");
        store.save(granted);
        // Rewrite the stored maps as instances before the compact encoding wrote them.
        String key = "signet:authz:{" + granted.getId() + "}";
        JsonMapper json = AuthorizationJson.mapper();
        OAuth2Authorization plain = AuthorizationJson.plain(granted);
        redis.hdel(key, "attrs", "code.meta", "access_token.meta", "refresh_token.meta", "id_token.meta");
        redis.hset(key, Map.of("attributes", json.writeValueAsString(plain.getAttributes()),
                "code.metadata", json.writeValueAsString(plain.getToken(OAuth2AuthorizationCode.class).getMetadata()),
                "access_token.metadata", json.writeValueAsString(plain.getAccessToken().getMetadata()),
                "refresh_token.metadata", json.writeValueAsString(plain.getRefreshToken().getMetadata()),
                "id_token.metadata", json.writeValueAsString(plain.getToken(OidcIdToken.class).getMetadata())));

        OAuth2Authorization found = store.findByToken(granted.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN);

        assertThat((Object) found.getAttribute(Principal.class.getName()))
                .isEqualTo(granted.getAttribute(Principal.class.getName()));
        assertThat(found.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        assertThat(found.getToken(OidcIdToken.class).getToken().getClaimAsString("sid")).isEqualTo("sid-legacy");
        // A rotation rewrites it in the compact encoding.
        store.save(rotated(found));
        assertThat(redis.hexists(key, "attrs")).isTrue();
        assertThat(redis.hexists(key, "attributes")).isFalse();
        assertThat((Object) store.findById(granted.getId()).getAttribute(Principal.class.getName()))
                .isEqualTo(granted.getAttribute(Principal.class.getName()));
    }

    @Test
    void principalSetOutlivesEveryAuthorizationInItAcrossRotations() {
        OAuth2Authorization first = granted(citizen(), "sid-principal");
        store.save(first);
        String principal = "signet:authz:principal:" + first.getPrincipalName();
        store.save(rotated(first));
        store.save(rotated(first));

        long authorizationTtl = redis.pttl("signet:authz:{" + first.getId() + "}");
        assertThat(redis.pttl(principal)).isGreaterThanOrEqualTo(authorizationTtl);
        assertThat(store.findByPrincipalName(first.getPrincipalName())).extracting(OAuth2Authorization::getId)
                .containsExactly(first.getId());
    }

    @Test
    void scriptsAreSentAgainWhenRedisHasForgottenThem() {
        OAuth2Authorization first = granted(citizen(), "sid-flush");
        store.save(first);
        redis.scriptFlush();

        store.save(rotated(first));

        assertThat(store.findById(first.getId()).getRefreshToken().getToken().getTokenValue())
                .isNotEqualTo(first.getRefreshToken().getToken().getTokenValue());
    }
}
