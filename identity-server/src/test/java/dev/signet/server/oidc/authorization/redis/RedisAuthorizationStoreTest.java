package dev.signet.server.oidc.authorization.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.RedisTopology;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.AuthorizationStoreContract;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

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
}
