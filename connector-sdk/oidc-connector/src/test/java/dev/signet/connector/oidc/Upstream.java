package dev.signet.connector.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real upstream OpenID Connect provider for the tests: mock-oauth2-server on a random port, signing in without a
 * login page, reached through a small HTTP relay on another random port. The relay passes every request through
 * unchanged unless a test asks it to alter an answer (as a compromised network or a misbehaving provider would), and
 * counts requests by path.
 *
 * <p>The provider's signing key can be rotated ({@link #rotateSigningKey()}) and its clock set
 * ({@link #setClock(Instant)}), so tests can meet new keys and expired tokens from the real provider.
 */
final class Upstream implements AutoCloseable {

    static final String ISSUER_ID = "department";

    private final AtomicReference<JWK> signingKey = new AtomicReference<>(newKey("key-1"));
    private final AtomicReference<Instant> clock = new AtomicReference<>();
    private final Map<String, UnaryOperator<String>> edits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, String> lastBodies = new ConcurrentHashMap<>();
    private final Map<String, String> lastAuthorization = new ConcurrentHashMap<>();
    private final MockOAuth2Server server;
    private final HttpServer relay;
    private final ExecutorService relayThreads = Executors.newCachedThreadPool();

    private Upstream() {
        KeyProvider keys = new KeyProvider() {
            @Override
            public JWK signingKey(String issuerId) {
                return signingKey.get();
            }
        };
        OAuth2TokenProvider tokens = new OAuth2TokenProvider(keys, () -> {
            Instant fixed = clock.get();
            return fixed == null ? Instant.now() : fixed;
        });
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens));
        server.start(InetAddress.getLoopbackAddress(), 0);
        try {
            relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        relay.createContext("/", this::relay);
        relay.setExecutor(relayThreads); // one thread per exchange: a slow answer never holds up the next request
        relay.start();
    }

    static Upstream start() {
        return new Upstream();
    }

    /** The issuer as the connector sees it: through the relay. */
    URI issuer() {
        return URI.create("http://localhost:" + relay.getAddress().getPort() + "/" + ISSUER_ID);
    }

    /** The next token request answers with these claims, subject and audience (an empty audience: the client id). */
    void nextSignIn(String subject, Map<String, Object> claims, List<String> audience) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
                audience.isEmpty() ? null : audience, claims, 3600));
    }

    /** From now on, answers to requests whose path ends with {@code pathEnd} pass through {@code edit} first. */
    void alter(String pathEnd, UnaryOperator<String> edit) {
        edits.put(pathEnd, edit);
    }

    /** How many requests reached a path ending with {@code pathEnd}. */
    int requestsTo(String pathEnd) {
        return requests.entrySet().stream().filter(entry -> entry.getKey().endsWith(pathEnd))
                .mapToInt(entry -> entry.getValue().get()).sum();
    }

    /** The body of the last request to a path ending with {@code pathEnd}. */
    String lastRequestBody(String pathEnd) {
        return lastBodies.entrySet().stream().filter(entry -> entry.getKey().endsWith(pathEnd))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    /** The Authorization header of the last request to a path ending with {@code pathEnd} ("null" when absent). */
    String lastAuthorizationHeader(String pathEnd) {
        return lastAuthorization.entrySet().stream().filter(entry -> entry.getKey().endsWith(pathEnd))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    /** The provider signs with a new key from now on, and publishes only that one. */
    JWK rotateSigningKey() {
        JWK next = newKey("key-" + Instant.now().toEpochMilli());
        signingKey.set(next);
        return next;
    }

    /** The provider's clock reads {@code instant} from now on. */
    void setClock(Instant instant) {
        clock.set(instant);
    }

    private static JWK newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "expect");

    /**
     * Forwards one request to mock-oauth2-server. It uses HttpURLConnection, not the JDK HttpClient the connector
     * uses, so that log checks can tell the test's own traffic from the connector's.
     */
    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            lastBodies.put(path, new String(body, StandardCharsets.UTF_8));
            lastAuthorization.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            HttpURLConnection forward = (HttpURLConnection) URI.create(server.baseUrl().toString()
                    .replaceAll("/$", "") + exchange.getRequestURI()).toURL().openConnection();
            forward.setInstanceFollowRedirects(false);
            forward.setRequestMethod(exchange.getRequestMethod());
            forward.setRequestProperty("X-Forwarded-Proto", "http");
            forward.setRequestProperty("X-Forwarded-Port", String.valueOf(relay.getAddress().getPort()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> forward.addRequestProperty(name, value));
                }
            });
            if (body.length > 0) {
                forward.setDoOutput(true);
                forward.getOutputStream().write(body);
            }
            int status = forward.getResponseCode();
            InputStream stream = status >= 400 ? forward.getErrorStream() : forward.getInputStream();
            String answer = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
                if (path.endsWith(edit.getKey())) {
                    answer = edit.getValue().apply(answer);
                }
            }
            forward.getHeaderFields().forEach((name, values) -> {
                if (name != null && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException | Error e) {
            e.printStackTrace(); // shows a broken test alteration; the connector sees a 502
            exchange.sendResponseHeaders(502, -1);
            throw e;
        }
    }

    /** The key the provider signs with now, for tests that must sign as the provider would not. */
    RSAKey currentKey() {
        return (RSAKey) signingKey.get();
    }

    @Override
    public void close() {
        relay.stop(0);
        relayThreads.shutdownNow();
        server.shutdown();
    }
}
