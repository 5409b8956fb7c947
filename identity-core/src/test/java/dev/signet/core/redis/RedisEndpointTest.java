package dev.signet.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void redisAndRedissAreOneServer() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://:secret@redis.internal:6380/2");

        assertThat(endpoint).isInstanceOf(RedisEndpoint.Standalone.class);
        RedisURI uri = endpoint.uris().get(0);
        assertThat(uri.getHost()).isEqualTo("redis.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(endpoint.ssl()).isTrue();
    }

    @Test
    void sentinelUrlNamesTheSentinelsAndTheMaster() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis-sentinel://:secret@s1:26379,s2:26380/0#signet");

        assertThat(endpoint).isInstanceOf(RedisEndpoint.Sentinel.class);
        RedisURI uri = endpoint.uris().get(0);
        assertThat(uri.getSentinelMasterId()).isEqualTo("signet");
        assertThat(uri.getSentinels()).extracting(RedisURI::getHost, RedisURI::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 26379),
                        org.assertj.core.groups.Tuple.tuple("s2", 26380));
        assertThat(endpoint.ssl()).isFalse();
    }

    @Test
    void sentinelUrlWithoutMasterIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-sentinel://:secret@s1:26379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signet.redis.url")
                .hasMessageContaining("#mymaster")
                .hasMessageNotContaining("secret");
    }

    @Test
    void clusterUrlGivesEverySeedThePasswordAndTls() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss-cluster://:secret@r1:7000, r2:7001,r3:7002");

        assertThat(endpoint).isInstanceOf(RedisEndpoint.Cluster.class);
        assertThat(endpoint.uris()).extracting(RedisURI::getHost).containsExactly("r1", "r2", "r3");
        assertThat(endpoint.uris()).extracting(RedisURI::getPort).containsExactly(7000, 7001, 7002);
        assertThat(endpoint.uris()).allSatisfy(uri -> {
            assertThat(uri.isSsl()).isTrue();
            assertThat(new String(uri.getCredentialsProvider().resolveCredentials().block().getPassword()))
                    .isEqualTo("secret");
        });
    }

    @Test
    void clusterUrlWithoutPortsOrWithADatabaseIsRefused() {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-cluster://:secret@r1,r2"))
                .hasMessageContaining("host:port").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-cluster://r1:7000/3"))
                .hasMessageContaining("only database 0");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-cluster://r1:7000?timeout=5s"))
                .hasMessageContaining("no query");
    }

    @Test
    void otherSchemesAreRefusedWithoutRevealingThePassword() {
        assertThatThrownBy(() -> RedisEndpoint.parse("http://:secret@redis:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signet.redis.url")
                .hasMessageContaining("redis-cluster://")
                .hasMessageNotContaining("secret");
    }

    @Test
    void timeoutsMustBePositive() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://localhost:6379");
        assertThatThrownBy(() -> new RedisConnectionSettings(endpoint, Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofSeconds(30)))
                .hasMessageContaining("signet.redis.timeout");
        assertThatThrownBy(() -> new RedisConnectionSettings(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(-1),
                Duration.ofSeconds(30)))
                .hasMessageContaining("signet.redis.connect-timeout");
    }
}
