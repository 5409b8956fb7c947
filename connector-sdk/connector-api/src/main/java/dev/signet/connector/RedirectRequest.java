package dev.signet.connector;

import java.net.URI;
import java.util.Objects;

/**
 * What Signet gives a {@link RedirectConnector} to start an upstream sign-in.
 *
 * @param callbackUri where the upstream provider must send the browser back (Signet's own address)
 * @param state       a value Signet generated for this journey; the connector passes it to the provider unchanged, and
 *                    Signet checks it when the browser returns
 */
public record RedirectRequest(URI callbackUri, String state) {

    public RedirectRequest {
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(state, "state");
    }
}
