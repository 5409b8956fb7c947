package dev.signet.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A citizen's browser for the tests: keeps cookies, does not follow redirects, so each hop can be checked. */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    HttpResponse<String> postForm(URI uri, String form) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** GETs {@code uri}, which must redirect, and returns where to. */
    URI redirectFrom(URI uri) {
        return location(get(uri));
    }

    static URI location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The simulator did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
