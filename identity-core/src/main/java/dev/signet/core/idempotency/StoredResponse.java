package dev.signet.core.idempotency;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The response of the first request made with an idempotency key, replayed to every retry with the same key.
 *
 * @param status  HTTP status
 * @param headers the headers worth replaying (such as {@code Content-Type}, {@code Location}, {@code ETag})
 * @param body    the body as sent
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
