package dev.signet.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.util.List;
import redis.embedded.RedisServer;

/**
 * A real redis-server process of a test's own (unlike the JVM-wide {@code RedisTestServer}), which the test may stop
 * and start again on the same port, as an operator restarting Redis would. Nothing is persisted: a restart empties it.
 */
public final class StoppableRedisServer {

    private final int port;
    private RedisServer process;
    /** Of the running process; 0 until asked. */
    private long pid;

    private StoppableRedisServer(int port) {
        this.port = port;
    }

    /** A server on a free loopback port, started. */
    public static StoppableRedisServer startOnFreePort() {
        StoppableRedisServer server = new StoppableRedisServer(freePort());
        server.start();
        return server;
    }

    public synchronized void start() {
        if (process != null) {
            return;
        }
        try {
            process = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            process.start();
        } catch (IOException e) {
            process = null;
            throw new UncheckedIOException("Could not start redis-server on port " + port, e);
        }
    }

    /** Stops the redis-server process: its clients' connections are closed and the port refuses new ones. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop redis-server on port " + port, e);
        } finally {
            process = null;
            pid = 0;
        }
    }

    /**
     * Freezes the redis-server process (SIGSTOP): connections stay open and new ones are accepted by the kernel, but
     * no command is answered, as with a Redis stalled by its host.
     */
    public synchronized void pause() {
        ProcessSignals.send("STOP", List.of(processId()));
    }

    /** Lets the paused redis-server run again (SIGCONT); what it held is still there. */
    public synchronized void resume() {
        ProcessSignals.send("CONT", List.of(processId()));
    }

    /** The server's process id, as it reports it ({@code INFO server}); asked once, while it still answers. */
    private long processId() {
        if (pid == 0) {
            try (RedisClient client = RedisClient.create(uri());
                    StatefulRedisConnection<String, String> connection = client.connect()) {
                String info = connection.sync().info("server");
                pid = info.lines().filter(line -> line.startsWith("process_id:"))
                        .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                        .findFirst().orElseThrow();
            }
        }
        return pid;
    }

    public synchronized boolean isRunning() {
        return process != null;
    }

    /** {@code redis://127.0.0.1:port}, for Lettuce. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
