package dev.signet.connector;

import java.net.URI;
import java.util.Objects;

/**
 * Send the citizen's browser to {@code location}.
 *
 * @param location       the upstream provider's sign-in address, with every parameter it needs
 * @param connectorState what the connector needs back in {@link Callback#connectorState()} (a PKCE verifier and a
 *                       nonce, encoded as the connector likes); Signet keeps it server-side and never shows it
 */
public record Redirect(URI location, String connectorState) implements RedirectStartOutcome {

    public Redirect {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(connectorState, "connectorState");
    }

    @Override
    public String toString() {
        return "Redirect[location=" + location.getScheme() + "://" + location.getAuthority() + location.getPath()
                + ", connectorState=(redacted)]";
    }
}
