package dev.signet.server.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import java.util.List;

/**
 * Lettuce clients for a {@link RedisEndpoint}: a {@link RedisClient} for a single server or Sentinel, a
 * {@link RedisClusterClient} for a Cluster, both with Signet's timeouts. Shared by Signet's own connection
 * ({@link RedisConfiguration}) and Spring Session's, so both reach Redis the same way.
 */
public final class LettuceClients {

    private LettuceClients() {
    }

    /** A client for the endpoint of {@code properties} on shared {@code resources}; shut it down after use. */
    public static AbstractRedisClient create(RedisProperties properties, ClientResources resources) {
        RedisEndpoint endpoint = properties.endpoint();
        List<RedisURI> uris = endpoint.uris().stream().map(uri -> withTimeout(uri, properties)).toList();
        if (endpoint instanceof RedisEndpoint.Cluster) {
            RedisClusterClient client = RedisClusterClient.create(resources, uris);
            client.setOptions((ClusterClientOptions) options(properties));
            return client;
        }
        RedisClient client = RedisClient.create(resources, uris.get(0));
        client.setOptions(options(properties));
        return client;
    }

    /** One connection (to the cluster, in cluster mode), thread-safe and multiplexed. */
    public static StatefulConnection<String, String> connect(AbstractRedisClient client) {
        return client instanceof RedisClusterClient cluster ? cluster.connect() : ((RedisClient) client).connect();
    }

    /** The synchronous commands both kinds of connection offer: what Signet's Redis adapters use. */
    public static RedisClusterCommands<String, String> commands(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.sync();
        }
        return ((StatefulRedisConnection<String, String>) connection).sync();
    }

    /**
     * Fail fast: reject commands while disconnected (rather than queue them until Redis returns), reconnect by
     * itself, and time out connecting and every command (also asynchronous ones); for a Cluster, also topology refresh:
     * periodic, and adaptive (at once on MOVED/ASK redirections, a lost connection or an unknown node), so the client
     * follows a failover or resharding without a restart.
     */
    public static ClientOptions options(RedisProperties properties) {
        ClientOptions base = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
                .build();
        if (!(properties.endpoint() instanceof RedisEndpoint.Cluster)) {
            return base;
        }
        return ClusterClientOptions.builder(base)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(properties.clusterRefreshPeriod())
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build();
    }

    private static RedisURI withTimeout(RedisURI uri, RedisProperties properties) {
        uri.setTimeout(properties.timeout());
        return uri;
    }
}
