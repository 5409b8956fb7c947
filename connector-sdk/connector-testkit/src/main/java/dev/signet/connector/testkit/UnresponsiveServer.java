package dev.signet.connector.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on the loopback interface that accepts connections and never answers: the hardest kind of unreachable
 * backend, since a connection succeeds and only the connector's own time limits end the wait. Point an "unreachable"
 * connector at {@link #port()} to prove it gives {@code Unavailable} in time.
 *
 * <pre>{@code
 * try (UnresponsiveServer blackHole = UnresponsiveServer.start()) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + blackHole.port() + "/legacy";
 * }
 * }</pre>
 */
public final class UnresponsiveServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private UnresponsiveServer(ServerSocket socket) {
        this.socket = socket;
        Thread acceptor = new Thread(this::acceptForever, "unresponsive-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening on a free loopback port. */
    public static UnresponsiveServer start() {
        try {
            return new UnresponsiveServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a loopback port", e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                accepted.add(socket.accept()); // held open, never read from or written to
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Stops listening and drops every connection. */
    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
