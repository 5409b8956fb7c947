package dev.signet.core.testing;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Redis deployments Signet's Redis adapters are tested against, each a real redis-server started by the tests:
 * a single server ({@link RedisTestServer}) and a three-node cluster ({@link RedisTestCluster}). Adapter tests are
 * parameterised over this ({@code @ParameterizedClass @EnumSource(RedisTopology.class)}), so every behaviour is shown
 * on both. Adapters see only {@link RedisClusterCommands}, the command interface both kinds of connection offer.
 */
public enum RedisTopology {

    SINGLE_SERVER {
        @Override
        AbstractRedisClient newClient() {
            return RedisClient.create(RedisTestServer.uri());
        }
    },
    CLUSTER {
        @Override
        AbstractRedisClient newClient() {
            return RedisClusterClient.create(RedisTestCluster.ports().stream()
                    .map(port -> RedisURI.create("127.0.0.1", port)).toList());
        }
    };

    private static final Map<RedisTopology, Connected> SHARED = new EnumMap<>(RedisTopology.class);

    abstract AbstractRedisClient newClient();

    /** Commands on one connection per topology, shared by the tests of a JVM (as instances share one). */
    public RedisClusterCommands<String, String> commands() {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(this, topology -> {
                Connected connected = topology.connect();
                Runtime.getRuntime().addShutdownHook(new Thread(connected::close));
                return connected;
            }).commands();
        }
    }

    /** A connection of its own, as a second identity-server instance has; close it after use. */
    public Connected connect() {
        AbstractRedisClient client = newClient();
        StatefulConnection<String, String> connection = client instanceof RedisClusterClient cluster
                ? cluster.connect() : ((RedisClient) client).connect();
        return new Connected(client, connection);
    }

    /** A client and its connection. */
    public record Connected(AbstractRedisClient client, StatefulConnection<String, String> connection)
            implements AutoCloseable {

        public RedisClusterCommands<String, String> commands() {
            return connection instanceof StatefulRedisClusterConnection<String, String> cluster
                    ? cluster.sync() : ((StatefulRedisConnection<String, String>) connection).sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
