package dev.signet.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** One real redis-server process per test JVM, on a free loopback port, started on first use. */
public final class RedisTestServer {

    private static RedisServer server;
    private static int port;

    private RedisTestServer() {
    }

    public static synchronized int port() {
        if (server == null) {
            try {
                port = freePort();
                server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
                RedisServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.stop();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start redis-server", e);
            }
        }
        return port;
    }

    /** {@code redis://127.0.0.1:port}, for Lettuce. */
    public static String uri() {
        return "redis://127.0.0.1:" + port();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
