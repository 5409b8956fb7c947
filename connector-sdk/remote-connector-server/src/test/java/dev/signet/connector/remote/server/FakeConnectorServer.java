package dev.signet.connector.remote.server;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTPS server at {@code https://127.0.0.1:port/signet} that answers protocol calls however a test wants: a broken
 * or malicious remote connector, or a man in the middle in front of a real one.
 */
final class FakeConnectorServer implements AutoCloseable {

    record Reply(int status, String contentType, String body) {
    }

    interface Behaviour {
        Reply answer(String operation, String requestBody) throws Exception;
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    FakeConnectorServer(Behaviour behaviour) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(TestTls.get().serverContext()));
        server.createContext("/signet/", exchange -> {
            try (exchange) {
                String operation = exchange.getRequestURI().getPath().substring("/signet/".length());
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
                Reply reply;
                try {
                    reply = behaviour.answer(operation, body);
                } catch (Exception e) {
                    reply = new Reply(500, "text/plain", "test behaviour failed: " + e);
                }
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return Remote.urlAt(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
