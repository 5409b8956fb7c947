package dev.signet.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real redis-server process of a test's own (unlike the JVM-wide {@code RedisTestServer}), which the test may stop
 * and start again on the same port, as an operator restarting Redis would. Nothing is persisted: a restart empties it.
 */
public final class StoppableRedisServer {

    private final int port;
    private RedisServer process;

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
        }
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
