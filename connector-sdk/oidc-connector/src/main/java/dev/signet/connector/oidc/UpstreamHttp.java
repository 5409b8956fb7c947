package dev.signet.connector.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to the upstream provider with hard time limits: every exchange, body included, ends by the step's
 * {@link Deadline}, so a provider that accepts connections and never answers costs the citizen a bounded wait.
 * Redirects are not followed (an OpenID Connect endpoint never needs one) and answers over 1 MiB are refused.
 */
final class UpstreamHttp {

    private static final int MAX_BODY = 1024 * 1024;

    private final HttpClient client;

    UpstreamHttp(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GETs {@code uri} and returns the response, any status. */
    HTTPResponse get(URI uri, String what, Deadline deadline) throws UpstreamException {
        return send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json"), what, deadline);
    }

    /** Sends a request Nimbus built (a token request) and returns the response, any status. */
    HTTPResponse send(HTTPRequest request, String what, Deadline deadline) throws UpstreamException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI());
        request.getHeaderMap().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        String body = request.getBody() == null ? "" : request.getBody();
        builder.method(request.getMethod().name(), HttpRequest.BodyPublishers.ofString(body));
        return send(builder, what, deadline);
    }

    private HTTPResponse send(HttpRequest.Builder builder, String what, Deadline deadline)
            throws UpstreamException {
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            throw new UpstreamException(what + ": no time left within " + deadline.limit());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(builder.timeout(remaining).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(remaining.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new UpstreamException(what + ": no answer within " + deadline.limit());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new UpstreamException(what + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new UpstreamException(what + ": no answer within " + deadline.limit());
            }
            if (cause instanceof java.net.ConnectException) {
                throw new UpstreamException(what + ": connection refused or timed out");
            }
            throw new UpstreamException(what + ": " + (cause instanceof IOException ? "network error" : "failed")
                    + " (" + cause.getClass().getSimpleName() + ")");
        }
        if (response.body().length > MAX_BODY) {
            throw new UpstreamException(what + ": answer larger than 1 MiB");
        }
        HTTPResponse converted = new HTTPResponse(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(type -> {
            try {
                converted.setContentType(type);
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                // an unreadable content type is judged by the parser that reads the body
            }
        });
        response.headers().firstValue("Cache-Control").ifPresent(value -> converted.setHeader("Cache-Control", value));
        converted.setBody(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return converted;
    }
}
