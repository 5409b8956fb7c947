package dev.signet.core.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import redis.embedded.RedisServer;

/**
 * A real three-node Redis Cluster (three masters, no replicas) per test JVM, started on first use from the same
 * redis-server binary as {@link RedisTestServer}. The binary in the Maven artifact has no {@code redis-cli}, so the
 * cluster is formed the way {@code redis-cli --cluster create} does it: each node is given a third of the 16384 hash
 * slots ({@code CLUSTER ADDSLOTS}), the nodes are introduced to each other ({@code CLUSTER MEET}), and the cluster is
 * used once every node reports {@code cluster_state:ok} and knows the other two.
 */
public final class RedisTestCluster {

    private static final int NODES = 3;
    private static final int SLOTS = 16384;
    /** Redis Cluster's bus port is the client port plus this, so both must be free. */
    private static final int BUS_PORT_OFFSET = 10000;

    private static List<Integer> ports;

    private RedisTestCluster() {
    }

    /** The client ports of the three nodes, the cluster formed and ready. */
    public static synchronized List<Integer> ports() {
        if (ports == null) {
            try {
                ports = start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start a Redis Cluster", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while forming a Redis Cluster", e);
            }
        }
        return ports;
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}: Signet's setting for a cluster. */
    public static String url() {
        return "redis-cluster://" + String.join(",", ports().stream().map(p -> "127.0.0.1:" + p).toList());
    }

    private static List<Integer> start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("signet-redis-cluster");
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            int port = freePortWithFreeBusPort(started);
            RedisServer node = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no")
                    .setting("cluster-enabled yes")
                    .setting("cluster-config-file " + directory.resolve("nodes-" + port + ".conf"))
                    .setting("cluster-node-timeout 5000")
                    .build();
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.stop();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            started.add(port);
        }
        form(started);
        return List.copyOf(started);
    }

    private static void form(List<Integer> nodes) throws InterruptedException {
        List<RedisClient> clients = new ArrayList<>();
        List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
        try {
            for (int port : nodes) {
                RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
                clients.add(client);
                connections.add(client.connect());
            }
            for (int i = 0; i < NODES; i++) {
                int from = SLOTS * i / NODES;
                int to = SLOTS * (i + 1) / NODES;
                connections.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
            }
            for (int i = 1; i < NODES; i++) {
                connections.get(0).sync().clusterMeet("127.0.0.1", nodes.get(i));
            }
            awaitFormed(connections);
        } finally {
            connections.forEach(StatefulRedisConnection::close);
            clients.forEach(RedisClient::shutdown);
        }
    }

    /** Gossip takes a few hundred milliseconds on loopback; the deadline only stops a broken set-up hanging forever. */
    private static void awaitFormed(List<StatefulRedisConnection<String, String>> connections)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!formed(connections)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Redis Cluster did not form: "
                        + connections.get(0).sync().clusterInfo());
            }
            Thread.sleep(50);
        }
    }

    private static boolean formed(List<StatefulRedisConnection<String, String>> connections) {
        for (StatefulRedisConnection<String, String> connection : connections) {
            RedisCommands<String, String> node = connection.sync();
            String info = node.clusterInfo();
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + NODES)) {
                return false;
            }
        }
        return true;
    }

    private static int freePortWithFreeBusPort(List<Integer> taken) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 55000);
            if (!taken.contains(port) && free(port) && free(port + BUS_PORT_OFFSET)) {
                return port;
            }
        }
        throw new IOException("No free pair of ports (client, client + " + BUS_PORT_OFFSET + ") found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
