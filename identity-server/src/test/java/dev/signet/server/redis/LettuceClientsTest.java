package dev.signet.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.redis.LettuceClients;
import dev.signet.core.testing.RedisTestCluster;
import dev.signet.core.testing.RedisTestServer;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisSentinel;

/** Signet's Lettuce clients reach a real single server, a real Sentinel and a real cluster from the one setting. */
class LettuceClientsTest {

    /** Shared by the clients of these tests, as the server shares one between its clients. */
    private static final ClientResources RESOURCES = ClientResources.create();

    @AfterAll
    static void shutDownResources() {
        RESOURCES.shutdown();
    }

    @Test
    void aSingleServerUrlReachesTheServer() {
        assertReadsItsOwnWrites(RedisTestServer.uri());
    }

    @Test
    void aClusterUrlReachesEveryHashSlotAndRefreshesTheTopology() {
        RedisProperties properties = properties(RedisTestCluster.url());
        AbstractRedisClient client = LettuceClients.create(properties.connection(), RESOURCES);
        try {
            assertThat(client).isInstanceOf(RedisClusterClient.class);
            ClusterClientOptions options = (ClusterClientOptions) LettuceClients.options(properties.connection());
            assertThat(options.getTopologyRefreshOptions().isPeriodicRefreshEnabled()).isTrue();
            assertThat(options.getTopologyRefreshOptions().getAdaptiveRefreshTriggers()).isNotEmpty();
        } finally {
            client.shutdown();
        }
        assertReadsItsOwnWrites(RedisTestCluster.url());
    }

    /** A sentinel (the same redis-server binary in sentinel mode) monitoring the test server; no failover. */
    @Test
    void aSentinelUrlFindsTheMasterThroughTheSentinel() throws IOException {
        int sentinelPort = freePort();
        RedisSentinel sentinel = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(sentinelPort)
                .masterName("signet").masterPort(RedisTestServer.port()).quorumSize(1).build();
        sentinel.start();
        try {
            assertReadsItsOwnWrites("redis-sentinel://127.0.0.1:" + sentinelPort + "#signet");
        } finally {
            sentinel.stop();
        }
    }

    private static void assertReadsItsOwnWrites(String url) {
        AbstractRedisClient client = LettuceClients.create(properties(url).connection(), RESOURCES);
        try (StatefulConnection<String, String> connection = LettuceClients.connect(client)) {
            RedisClusterCommands<String, String> redis = LettuceClients.commands(connection);
            for (int i = 0; i < 20; i++) { // keys in many hash slots, so on every node of a cluster
                String key = "signet:test:" + UUID.randomUUID();
                redis.setex(key, 60, "value-" + i);
                assertThat(redis.get(key)).isEqualTo("value-" + i);
            }
        } finally {
            client.shutdown();
        }
    }

    private static RedisProperties properties(String url) {
        return new RedisProperties(URI.create(url), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
