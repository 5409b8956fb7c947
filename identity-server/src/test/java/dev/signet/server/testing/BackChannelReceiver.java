package dev.signet.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relying party's back-channel logout endpoint as a real HTTP server on a free port: it keeps the logout tokens
 * Signet delivers to it, and can be told to answer the next deliveries with 500 (to see the worker retry). Register
 * {@link #uri()} as a relying party's {@code backchannel-logout-uri}; close it after the test.
 */
public final class BackChannelReceiver implements AutoCloseable {

    /** Delivery is asynchronous; the bound is generous and only guards against a hang. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpServer server;
    private final List<String> logoutTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();

    private BackChannelReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on 127.0.0.1 and a free port. */
    public static BackChannelReceiver start() {
        try {
            BackChannelReceiver receiver = new BackChannelReceiver(
                    HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            receiver.server.createContext("/backchannel-logout", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = receiver.failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!fail) {
                    receiver.logoutTokens.add(logoutToken(body));
                }
                exchange.sendResponseHeaders(fail ? 500 : 200, -1);
                exchange.close();
            });
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout");
    }

    /** The next {@code count} deliveries are answered 500. */
    public void failNext(int count) {
        failuresToGive.set(count);
    }

    /** Waits for the first logout token. */
    public SignedJWT awaitLogoutToken() throws InterruptedException {
        return awaitLogoutTokens(1).get(0);
    }

    /** Waits until at least {@code count} logout tokens have arrived, and returns them all, in arrival order. */
    public List<SignedJWT> awaitLogoutTokens(int count) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (logoutTokens.size() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(logoutTokens).as("logout tokens received").hasSizeGreaterThanOrEqualTo(count);
        List<SignedJWT> parsed = new ArrayList<>();
        for (String token : logoutTokens) {
            try {
                parsed.add(SignedJWT.parse(token));
            } catch (ParseException e) {
                throw new AssertionError("Not a JWT: " + token, e);
            }
        }
        return parsed;
    }

    /** The logout tokens received so far (for checking that a relying party was not told). */
    public int received() {
        return logoutTokens.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String logoutToken(String formBody) {
        for (String pair : formBody.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals("logout_token")) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("A back-channel logout request without logout_token: " + formBody);
    }
}
