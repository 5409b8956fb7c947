package dev.signet.server.logout;

import java.net.URI;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Where a relying party receives back-channel logout tokens ({@code backchannel_logout_uri}), if it registered one. */
@FunctionalInterface
public interface BackChannelLogoutUris {

    Optional<URI> of(RegisteredClient client);
}
