package dev.signet.client;

import java.net.URI;
import java.util.Objects;

/**
 * An authorization request ready to send: redirect the citizen's browser to {@link #uri()} and keep
 * {@link #pending()} in their session until they come back.
 *
 * @param uri Signet's authorization endpoint with the request's parameters (or a signed request object)
 * @param pending the secrets of this request, needed to check the response
 */
public record AuthorizationRequest(URI uri, PendingAuthorization pending) {

    public AuthorizationRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(pending, "pending");
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[" + pending + "]";
    }
}
