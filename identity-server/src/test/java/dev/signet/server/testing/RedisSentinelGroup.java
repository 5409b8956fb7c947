package dev.signet.server.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;

/**
 * A Redis master, one replica and three sentinels, each a real redis-server process (the binary of the embedded-redis
 * artifact) on its own free loopback port, as a small production Sentinel deployment. The test may kill the master
 * (SIGKILL) and wait for the sentinels to promote the replica.
 */
public final class RedisSentinelGroup {

    public static final String MASTER_NAME = "signet";
    /** Guards against a hang only; every wait below ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final int masterPort;
    private final int replicaPort;
    private final List<Integer> sentinelPorts;
    private final RedisServer master;
    private final RedisServer replica;
    private final List<RedisSentinel> sentinels = new ArrayList<>();

    private RedisSentinelGroup() throws IOException {
        masterPort = freePort();
        replicaPort = freePort();
        sentinelPorts = List.of(freePort(), freePort(), freePort());
        master = RedisServer.newRedisServer().bind("127.0.0.1").port(masterPort)
                .setting("save \"\"").setting("appendonly no").build();
        replica = RedisServer.newRedisServer().bind("127.0.0.1").port(replicaPort)
                .setting("save \"\"").setting("appendonly no").slaveOf("127.0.0.1", masterPort).build();
        for (int port : sentinelPorts) {
            // Quorum 2 of 3; the master is judged down after one second without an answer.
            sentinels.add(RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(port).masterName(MASTER_NAME)
                    .masterPort(masterPort).quorumSize(2).downAfterMilliseconds(1000).failOverTimeout(10_000)
                    .parallelSyncs(1).build());
        }
    }

    /** Starts the master, the replica and the sentinels, and waits until every sentinel sees the replica and the others. */
    public static RedisSentinelGroup start() {
        try {
            RedisSentinelGroup group = new RedisSentinelGroup();
            group.master.start();
            group.replica.start();
            for (RedisSentinel sentinel : group.sentinels) {
                sentinel.start();
            }
            group.awaitSentinels(info -> info.contains("status=ok") && info.contains("slaves=1")
                    && info.contains("sentinels=3"), "every sentinel to know the replica and the other sentinels");
            return group;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signet's setting: the three sentinels and the master's name. */
    public String url() {
        return "redis-sentinel://" + sentinelPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(",")) + "#" + MASTER_NAME;
    }

    /**
     * Waits until the replica has everything the master has received so far: a write of the test's own, then
     * {@code WAIT 1}, which returns once the replica has acknowledged the stream up to that write.
     */
    public void awaitReplicated() {
        try (RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", masterPort));
                StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("signet:test:replication-marker", Instant.now().toString());
            long acknowledged = connection.sync().waitForReplication(1, PATIENCE.toMillis());
            if (acknowledged < 1) {
                throw new AssertionError("The replica did not acknowledge the master's writes");
            }
        }
    }

    /** Kills the master with SIGKILL, as a crashed host would: no shutdown, no last word to the sentinels. */
    public void killMaster() {
        ProcessSignals.send("KILL", List.of(processId(masterPort)));
    }

    /** Waits until the sentinels have promoted the replica: they all name it as the master. */
    public void awaitFailover() {
        awaitSentinels(info -> info.contains("address=127.0.0.1:" + replicaPort),
                "the sentinels to promote the replica on port " + replicaPort);
    }

    public void stop() {
        for (RedisSentinel sentinel : sentinels) {
            stopQuietly(sentinel::stop);
        }
        stopQuietly(replica::stop);
        stopQuietly(master::stop);
    }

    /** The master's port each sentinel names, through the sentinel protocol (what Lettuce asks on reconnecting). */
    public List<Integer> masterPortsNamedBySentinels() {
        List<Integer> named = new ArrayList<>();
        for (int port : sentinelPorts) {
            try (RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
                    StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel()) {
                named.add(((InetSocketAddress) sentinel.sync().getMasterAddrByName(MASTER_NAME)).getPort());
            }
        }
        return named;
    }

    public int replicaPort() {
        return replicaPort;
    }

    private void awaitSentinels(Predicate<String> condition, String what) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            if (sentinelPorts.stream().allMatch(port -> condition.test(sentinelInfo(port)))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Gave up waiting for " + what + ": " + sentinelPorts.stream()
                .map(RedisSentinelGroup::sentinelInfo).toList());
    }

    /** The sentinel's {@code INFO sentinel} line for the master, e.g. {@code status=ok,address=...,slaves=1,sentinels=3}. */
    private static String sentinelInfo(int port) {
        try (RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
                StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel()) {
            return sentinel.sync().info("sentinel").lines().filter(line -> line.startsWith("master0:"))
                    .findFirst().orElse("");
        }
    }

    private static long processId(int port) {
        try (RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
                StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info("server").lines().filter(line -> line.startsWith("process_id:"))
                    .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                    .findFirst().orElseThrow();
        }
    }

    private interface Stop {
        void run() throws IOException;
    }

    private static void stopQuietly(Stop stop) {
        try {
            stop.run();
        } catch (IOException | RuntimeException alreadyGone) {
            // The killed master, or a process that already exited: nothing left to stop.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
