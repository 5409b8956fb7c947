package dev.signet.connector.remote.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.signet.connector.Connector;
import dev.signet.connector.remote.internal.BoundedHttp;
import dev.signet.connector.remote.internal.JwksUrlKeys;
import dev.signet.connector.remote.internal.Operation;
import dev.signet.connector.remote.internal.SigningKey;
import dev.signet.connector.remote.internal.StaticVerificationKeys;
import dev.signet.connector.remote.internal.VerificationKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Runs any Java {@link Connector} over the remote connector protocol, so Signet can use it from afar: a department
 * keeps its legacy store and its connector in its own network, and Signet calls in over HTTPS. Built on the JDK's own
 * HTTP server, without any framework.
 *
 * <p>Every request must be signed by Signet (its public key, or its JWKS URL), issued by Signet's issuer, addressed to
 * this server's {@linkplain Builder#audience audience}, fresh (at most a few minutes old) and never seen before; the
 * server answers with the connector's outcome, signed with the connector's own key and bound to that request.
 *
 * <pre>{@code
 * RemoteConnectorServer server = RemoteConnectorServer.builder(myConnector)
 *         .audience("https://connector.dvla.example/signet")     // the URL Signet is configured with
 *         .signetIssuer("https://signet.example")
 *         .signetJwksUrl(URI.create("https://signet.example/connectors/jwks.json")) // or .signetPublicKey(jwkJson)
 *         .signingKey(Files.readString(Path.of("connector-key.jwk.json")))          // private JWK
 *         .https(sslContext)                                     // leave out only behind a TLS-terminating proxy
 *         .port(8443)
 *         .start();
 * }</pre>
 * The server does not own the connector: close the connector after {@link #close()}.
 */
public final class RemoteConnectorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final URI address;

    private RemoteConnectorServer(HttpServer server, ExecutorService threads, URI address) {
        this.server = server;
        this.threads = threads;
        this.address = address;
    }

    /** A builder for a server running {@code connector}. */
    public static Builder builder(Connector connector) {
        return new Builder(connector);
    }

    /** The port the server listens on (the one chosen by the system when built with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the server listens, with the audience's path: {@code https://127.0.0.1:8443/signet}. */
    public URI address() {
        return address;
    }

    /** Stops listening at once, and stops the request threads. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Configures and starts a {@link RemoteConnectorServer}. */
    public static final class Builder {

        private final Connector connector;
        private String audience;
        private String signetIssuer;
        private String signetPublicKey;
        private URI signetJwksUrl;
        private SSLContext jwksTls;
        private String signingKey;
        private SSLContext tls;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private int threadCount = 8;
        private Clock clock = Clock.systemUTC();

        private Builder(Connector connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
        }

        /**
         * The URL Signet calls this connector at, exactly as configured in Signet's {@code url} setting. Requests
         * not addressed to it are refused; its path is where the operations are served ({@code /signet/describe}).
         */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** Signet's issuer URL, which every request must name as its {@code iss}. */
        public Builder signetIssuer(String signetIssuer) {
            this.signetIssuer = Objects.requireNonNull(signetIssuer, "signetIssuer");
            return this;
        }

        /** Signet's public key for this connector, as a JWK or a JWK set (JSON). Or use {@link #signetJwksUrl}. */
        public Builder signetPublicKey(String jwkJson) {
            this.signetPublicKey = Objects.requireNonNull(jwkJson, "jwkJson");
            return this;
        }

        /** Where Signet publishes its public keys for connectors. Or use {@link #signetPublicKey}. */
        public Builder signetJwksUrl(URI jwksUrl) {
            this.signetJwksUrl = Objects.requireNonNull(jwksUrl, "jwksUrl");
            return this;
        }

        /** The TLS trust for fetching {@link #signetJwksUrl}; the JVM's default authorities otherwise. */
        public Builder signetJwksTls(SSLContext trust) {
            this.jwksTls = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /** The connector's private key (a JWK with a {@code kid}) that signs every answer. */
        public Builder signingKey(String privateJwkJson) {
            this.signingKey = Objects.requireNonNull(privateJwkJson, "privateJwkJson");
            return this;
        }

        /** Serve HTTPS with this context's key and certificate. Without it the server speaks plain HTTP. */
        public Builder https(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The interface to listen on; the loopback interface unless set. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port to listen on; 0 (the default) lets the system choose a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("A port is from 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** How many requests are served at once; 8 unless set. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("At least one thread serves requests");
            }
            this.threadCount = count;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Starts listening.
         *
         * @throws IllegalStateException naming what is missing or wrong in the configuration
         * @throws UncheckedIOException  when the port cannot be bound
         */
        public RemoteConnectorServer start() {
            if (audience == null || signetIssuer == null || signingKey == null) {
                throw new IllegalStateException("A remote connector server needs its audience, Signet's issuer and "
                        + "its own signing key");
            }
            if ((signetPublicKey == null) == (signetJwksUrl == null)) {
                throw new IllegalStateException("Give exactly one of Signet's public key or Signet's JWKS URL");
            }
            URI audienceUri = URI.create(audience);
            String basePath = Optional.ofNullable(audienceUri.getPath()).filter(path -> !path.isEmpty())
                    .map(path -> path.endsWith("/") ? path.substring(0, path.length() - 1) : path).orElse("");
            SigningKey key;
            VerificationKeys signetKeys;
            try {
                key = SigningKey.parse(signingKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The connector's signing key " + e.getMessage());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threadCount, daemonThreads());
            try {
                signetKeys = signetPublicKey != null ? StaticVerificationKeys.parse(signetPublicKey) : jwksKeys();
            } catch (IllegalArgumentException e) {
                pool.shutdownNow();
                throw new IllegalStateException("Signet's public key " + e.getMessage());
            }
            ServerSettings settings = new ServerSettings(audience, signetIssuer, key);
            ReplayCache replays = new ReplayCache(clock);
            ConnectorDispatcher dispatcher = new ConnectorDispatcher(connector);
            HttpServer server;
            try {
                InetSocketAddress address = new InetSocketAddress(bindAddress, port);
                if (tls != null) {
                    HttpsServer https = HttpsServer.create(address, 64);
                    https.setHttpsConfigurator(new HttpsConfigurator(tls));
                    server = https;
                } else {
                    server = HttpServer.create(address, 64);
                }
            } catch (IOException e) {
                pool.shutdownNow();
                throw new UncheckedIOException("Cannot listen on " + bindAddress.getHostAddress() + ":" + port, e);
            }
            for (Operation operation : Operation.values()) {
                server.createContext(basePath + "/" + operation.wireName(),
                        new ProtocolHandler(operation, settings, signetKeys, replays, dispatcher, clock));
            }
            server.setExecutor(pool);
            server.start();
            URI listening = URI.create((tls != null ? "https" : "http") + "://"
                    + hostForUri(bindAddress) + ":" + server.getAddress().getPort() + basePath);
            return new RemoteConnectorServer(server, pool, listening);
        }

        private VerificationKeys jwksKeys() {
            // The client's own threads, not the request threads: a request waiting on the keys must not starve them.
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (jwksTls != null) {
                client.sslContext(jwksTls);
            }
            return new JwksUrlKeys(signetJwksUrl, new BoundedHttp(client.build()), Duration.ofSeconds(5), clock);
        }

        private static String hostForUri(InetAddress address) {
            String host = address.getHostAddress();
            return host.contains(":") ? "[" + host + "]" : host;
        }

        private static java.util.concurrent.ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, "remote-connector-server-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
