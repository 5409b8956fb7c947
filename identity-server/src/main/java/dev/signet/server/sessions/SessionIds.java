package dev.signet.server.sessions;

import dev.signet.server.oidc.authorization.TokenHashes;

/** How a session id becomes the {@code sid} claim: the authorization server's own derivation, kept in one place. */
public final class SessionIds {

    private SessionIds() {
    }

    public static String sid(String sessionId) {
        return TokenHashes.sha256(sessionId);
    }
}
