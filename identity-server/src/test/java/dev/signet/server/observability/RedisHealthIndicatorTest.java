package dev.signet.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.RedisTopology;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import redis.embedded.RedisServer;

/** Against a real redis-server of its own, which the second test stops. */
class RedisHealthIndicatorTest {

    private RedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    @BeforeEach
    void startRedis() throws IOException {
        int port = freePort();
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        client = RedisClient.create("redis://127.0.0.1:" + port);
        connection = client.connect();
    }

    @AfterEach
    void stopRedis() throws IOException {
        connection.close();
        client.shutdown();
        if (server.isActive()) {
            server.stop();
        }
    }

    @Test
    void upWhenRedisAnswersPing() {
        assertThat(new RedisHealthIndicator(connection, Duration.ofSeconds(5)).health().getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void upWhenEveryMasterOfAClusterAnswersPing() {
        try (RedisTopology.Connected cluster = RedisTopology.CLUSTER.connect()) {
            assertThat(new RedisHealthIndicator(cluster.connection(), Duration.ofSeconds(5)).health().getStatus())
                    .isEqualTo(Status.UP);
        }
    }

    @Test
    void downWhenRedisHasGone() throws IOException {
        server.stop();

        assertThat(new RedisHealthIndicator(connection, Duration.ofMillis(500)).health().getStatus())
                .isEqualTo(Status.DOWN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
