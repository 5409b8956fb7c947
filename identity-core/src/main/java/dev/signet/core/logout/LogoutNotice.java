package dev.signet.core.logout;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A relying party to tell that a citizen signed out (OpenID Connect Back-Channel Logout 1.0).
 *
 * @param clientId  the relying party, audience of the logout token
 * @param logoutUri its registered {@code backchannel_logout_uri}
 * @param subject   the citizen's {@code sub} as that relying party knows it (pairwise or public)
 * @param sessionId the {@code sid} of the signed-out session, as in the relying party's ID token
 */
public record LogoutNotice(String clientId, URI logoutUri, String subject, Optional<String> sessionId) {

    public LogoutNotice {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(logoutUri, "logoutUri");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
