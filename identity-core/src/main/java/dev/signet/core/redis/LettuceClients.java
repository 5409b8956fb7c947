package dev.signet.core.redis;

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
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.util.List;

/**
 * Lettuce clients for a {@link RedisEndpoint}: a {@link RedisClient} for a single server or Sentinel, a
 * {@link RedisClusterClient} for a Cluster, both with Signet's timeouts. Shared by identity-server (its own connection
 * and Spring Session's) and the admin API (which reads identity-server's sessions), so all reach Redis the same way.
 */
public final class LettuceClients {

    private LettuceClients() {
    }

    /** A client for {@code settings} on shared {@code resources}; shut it down after use. */
    public static AbstractRedisClient create(RedisConnectionSettings settings, ClientResources resources) {
        RedisEndpoint endpoint = settings.endpoint();
        List<RedisURI> uris = endpoint.uris().stream().map(uri -> withTimeout(uri, settings)).toList();
        if (endpoint instanceof RedisEndpoint.Cluster) {
            RedisClusterClient client = RedisClusterClient.create(resources, uris);
            client.setOptions((ClusterClientOptions) options(settings));
            return client;
        }
        RedisClient client = RedisClient.create(resources, uris.get(0));
        client.setOptions(options(settings));
        return client;
    }

    /** One connection (to the cluster, in cluster mode), thread-safe and multiplexed, with string keys and values. */
    public static StatefulConnection<String, String> connect(AbstractRedisClient client) {
        return connect(client, StringCodec.UTF8);
    }

    /** One connection (to the cluster, in cluster mode), thread-safe and multiplexed, with {@code codec}. */
    public static <K, V> StatefulConnection<K, V> connect(AbstractRedisClient client, RedisCodec<K, V> codec) {
        return client instanceof RedisClusterClient cluster ? cluster.connect(codec)
                : ((RedisClient) client).connect(codec);
    }

    /** The synchronous commands both kinds of connection offer: what Signet's Redis adapters use. */
    @SuppressWarnings("unchecked")
    public static <K, V> RedisClusterCommands<K, V> commands(StatefulConnection<K, V> connection) {
        if (connection instanceof StatefulRedisClusterConnection<?, ?> cluster) {
            return ((StatefulRedisClusterConnection<K, V>) cluster).sync();
        }
        return ((StatefulRedisConnection<K, V>) connection).sync();
    }

    /**
     * Fail fast: reject commands while disconnected (rather than queue them until Redis returns), reconnect by
     * itself, and time out connecting and every command (also asynchronous ones); for a Cluster, also topology refresh:
     * periodic, and adaptive (at once on MOVED/ASK redirections, a lost connection or an unknown node), so the client
     * follows a failover or resharding without a restart.
     */
    public static ClientOptions options(RedisConnectionSettings settings) {
        ClientOptions base = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
                .build();
        if (!(settings.endpoint() instanceof RedisEndpoint.Cluster)) {
            return base;
        }
        return ClusterClientOptions.builder(base)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(settings.clusterRefreshPeriod())
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build();
    }

    private static RedisURI withTimeout(RedisURI uri, RedisConnectionSettings settings) {
        uri.setTimeout(settings.timeout());
        return uri;
    }
}
