package dev.signet.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One person's browser for one visit: its own cookies (a small jar, enough for a loopback server's session and
 * CSRF cookies), no JavaScript, redirects followed by hand so the flow sees where it is sent. The underlying
 * {@link HttpClient} is shared by every browser, so connections are pooled as a reverse proxy would pool them.
 */
final class Browser {

    private static final int MAX_REDIRECTS = 10;

    private final HttpClient http;
    private final URI origin;
    private final Duration timeout;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(HttpClient http, URI origin, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Where a navigation ended: a page of this server, or a redirect that leaves it (e.g. to the relying party). */
    sealed interface Landing {
    }

    record Page(URI uri, int status, String body) implements Landing {
    }

    record LeftServer(URI location) implements Landing {
    }

    Landing get(URI uri) throws IOException, InterruptedException, FlowFailure {
        return follow(uri, send(request(uri).GET().build()));
    }

    Landing postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException, FlowFailure {
        HttpRequest post = request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build();
        return follow(uri, send(post));
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private Landing follow(URI uri, HttpResponse<String> response)
            throws IOException, InterruptedException, FlowFailure {
        URI current = uri;
        for (int redirects = 0; isRedirect(response.statusCode()); redirects++) {
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new FlowFailure("redirect without Location from " + uri.getPath()));
            URI next = current.resolve(location);
            if (!sameOrigin(next)) {
                return new LeftServer(next);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new FlowFailure("more than " + MAX_REDIRECTS + " redirects from " + uri.getPath());
            }
            current = next;
            response = send(request(current).GET().build());
        }
        return new Page(current, response.statusCode(), response.body());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(this::keep);
        return response;
    }

    private void keep(String setCookie) {
        String[] attributes = setCookie.split(";");
        int equals = attributes[0].indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = attributes[0].substring(0, equals).trim();
        String value = attributes[0].substring(equals + 1).trim();
        boolean expired = false;
        for (int i = 1; i < attributes.length; i++) {
            String attribute = attributes[i].trim().toLowerCase();
            expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970");
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private boolean sameOrigin(URI uri) {
        return Objects.equals(uri.getScheme(), origin.getScheme()) && Objects.equals(uri.getHost(), origin.getHost())
                && port(uri) == origin.getPort();
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
