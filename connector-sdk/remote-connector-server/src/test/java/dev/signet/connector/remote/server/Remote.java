package dev.signet.connector.remote.server;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.remote.RemoteType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** Both ends of the protocol as the tests set them up: a server over HTTPS on a free port, and Signet's side. */
final class Remote {

    static final String ISSUER = "https://signet.test";

    private Remote() {
    }

    /** A free loopback port (there is a short race with other processes; tests accept it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String urlAt(int port) {
        return "https://127.0.0.1:" + port + "/signet";
    }

    /** A server running {@code connector} over HTTPS on a free port, audience {@code https://127.0.0.1:port/signet}. */
    static RemoteConnectorServer serve(Connector connector, TestKeys keys) {
        int port = freePort();
        return serve(connector, keys, port, urlAt(port));
    }

    /** A server on {@code port} that takes requests addressed to {@code audience} (a proxy's URL, say). */
    static RemoteConnectorServer serve(Connector connector, TestKeys keys, int port, String audience) {
        return RemoteConnectorServer.builder(connector)
                .audience(audience)
                .signetIssuer(ISSUER)
                .signetPublicKey(keys.signetPublic)
                .signingKey(keys.connectorPrivate)
                .https(TestTls.get().serverContext())
                .port(port)
                .threads(8)
                .start();
    }

    /** Signet's side, a {@code remote} connector pointed at {@code url}, trusting the test certificate. */
    static Connector open(String url, TestKeys keys, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "url", url,
                "issuer", ISSUER,
                "signing-key", keys.signetPrivate,
                "connector-key", keys.connectorPublic,
                "trust-certificates", TestTls.get().pem().toString(),
                "connect-timeout", "5s",
                "request-timeout", "10s")); // generous: a loaded build machine, TLS and a JIT still warming up
        settings.putAll(overrides);
        settings.values().removeIf(String::isEmpty);
        return new RemoteType().open(ConnectorInstance.of("vehicle-tax", "Vehicle tax account", "dvla"),
                ConnectorSettings.of(settings));
    }

    static Connector open(String url, TestKeys keys) {
        return open(url, keys, Map.of());
    }
}
