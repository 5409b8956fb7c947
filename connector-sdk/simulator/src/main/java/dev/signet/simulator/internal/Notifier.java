package dev.signet.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Delivers what Signet pushes to a service: logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.5, a form POST of
 * {@code logout_token}) and security event tokens (RFC 8935, body {@code application/secevent+jwt}). Redirects are not
 * followed, as Signet does not follow them.
 */
final class Notifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** POSTs a logout token; returns the service's HTTP status. */
    int postLogoutToken(URI endpoint, String logoutToken) {
        return post(endpoint, "application/x-www-form-urlencoded",
                Http.encode(Map.of("logout_token", logoutToken)));
    }

    /** Pushes a security event token; returns the service's HTTP status (RFC 8935 expects 202). */
    int pushSecurityEvent(URI endpoint, String token) {
        return post(endpoint, "application/secevent+jwt", token);
    }

    private int post(URI endpoint, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deliver to " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delivering to " + endpoint, e);
        }
    }
}
