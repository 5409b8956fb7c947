package dev.signet.connector.remote.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP exchanges that end within a deadline, however the other end behaves: connecting, the TLS handshake, the
 * response headers and the whole body must all arrive within it, and a body larger than a limit is cut off. The JDK
 * client's own request timeout covers the headers only, which is why the whole exchange is awaited with a deadline.
 */
public final class BoundedHttp {

    /** A response read completely. */
    public record Response(int status, Optional<String> contentType, byte[] body) {
    }

    /** Why an exchange did not give a response, in words fit for an {@code Unavailable} reason. */
    public static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient client;

    public BoundedHttp(HttpClient client) {
        this.client = client;
    }

    /** Sends {@code request} and reads at most {@code limit} bytes of the answer, all within {@code deadline}. */
    public Response send(HttpRequest request, Duration deadline, int limit) throws Failure {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new LimitedBody(limit));
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Failure("no answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for an answer");
        } catch (ExecutionException e) {
            throw new Failure(describe(e.getCause(), deadline));
        }
    }

    private static String describe(Throwable cause, Duration deadline) {
        if (cause instanceof BodyTooLarge tooLarge) {
            return tooLarge.getMessage();
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS failed (" + cause.getClass().getSimpleName() + "); check the trusted certificates";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        if (cause instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            // The client's own request timeout, the same length as the deadline: whichever fires first says so.
            return "no answer within " + deadline.toMillis() + " ms";
        }
        // Exception messages can quote addresses and headers, never personal data, but keep to the class name.
        return "exchange failed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")";
    }

    private static final class BodyTooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLarge(int limit) {
            super("answer larger than " + limit + " bytes");
        }
    }

    /** Collects the body, cancelling the exchange once it grows past the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
