package dev.signet.server.sessions;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.connection.MessageListener;
import reactor.core.Disposable;

/**
 * On a Redis Cluster, relays the key-event notifications of <em>every</em> master to Spring Session. Redis publishes
 * a keyspace notification only on the node that holds the key, and Spring Data Redis subscribes through one node
 * (spring-projects/spring-data-redis#1111), so without this the expiry of a session held on another node would go
 * unnoticed and its id would stay in the account's session index. The subscription is renewed whenever Lettuce sees
 * the topology change, so a promoted replica or a new master is subscribed too. Does nothing on a single server or
 * Sentinel, where Spring Session's own subscription sees every event.
 *
 * <p>The one node Spring Data subscribes through then delivers its events twice; handling an event twice only removes
 * an id from a set twice. Events are handled on a thread of their own, never on Lettuce's event loop: handling one
 * runs blocking Redis commands, whose replies that same event loop (shared by every client of the server) must read.
 */
final class ClusterKeyspaceEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterKeyspaceEvents.class);
    /** A cluster has only database 0. */
    private static final byte[][] CHANNELS = {
        "__keyevent@0__:del".getBytes(StandardCharsets.US_ASCII),
        "__keyevent@0__:expired".getBytes(StandardCharsets.US_ASCII)};

    private final AbstractRedisClient client;
    private final MessageListener sessions;
    private StatefulRedisClusterPubSubConnection<byte[], byte[]> connection;
    private Disposable topologyChanges;
    private ExecutorService handler;

    ClusterKeyspaceEvents(AbstractRedisClient client, MessageListener sessions) {
        this.client = Objects.requireNonNull(client, "client");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public synchronized void start() {
        if (!(client instanceof RedisClusterClient cluster) || connection != null) {
            return;
        }
        handler = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signet-cluster-session-events");
            thread.setDaemon(true);
            return thread;
        });
        ExecutorService events = handler;
        connection = cluster.connectPubSub(ByteArrayCodec.INSTANCE);
        connection.setNodeMessagePropagation(true);
        connection.addListener(new RedisClusterPubSubAdapter<>() {
            @Override
            public void message(RedisClusterNode node, byte[] channel, byte[] message) {
                events.execute(() -> sessions.onMessage(new DefaultMessage(channel, message), channel));
            }
        });
        subscribeEveryMaster();
        topologyChanges = cluster.getResources().eventBus().get()
                .filter(ClusterTopologyChangedEvent.class::isInstance)
                .subscribe(changed -> subscribeEveryMaster());
    }

    private synchronized void subscribeEveryMaster() {
        if (connection == null) {
            return;
        }
        connection.async().upstream().commands().subscribe(CHANNELS).exceptionally(failure -> {
            log.warn("Could not subscribe to session expiry events on every Redis Cluster master: {}",
                    failure.getMessage());
            return null;
        });
    }

    @Override
    public synchronized void stop() {
        if (topologyChanges != null) {
            topologyChanges.dispose();
            topologyChanges = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (handler != null) {
            handler.shutdown();
            handler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return connection != null;
    }
}
