package dev.signet.server.logout;

import java.net.URI;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Where a relying party's back-channel logout registration lives in its {@code ClientSettings} (the relying-party
 * registry sets these when it reads {@code backchannel_logout_uri} from the clients file):
 * {@code ClientSettings.builder().setting(ClientLogoutSettings.BACKCHANNEL_LOGOUT_URI, "https://...")}.
 */
public final class ClientLogoutSettings {

    /** The relying party's {@code backchannel_logout_uri} (a String, absolute https URI; http only for localhost). */
    public static final String BACKCHANNEL_LOGOUT_URI = "signet.client.backchannel-logout-uri";

    private ClientLogoutSettings() {
    }

    public static Optional<URI> backChannelLogoutUri(RegisteredClient client) {
        Object value = client.getClientSettings().getSetting(BACKCHANNEL_LOGOUT_URI);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(URI.create(value.toString()));
    }
}
