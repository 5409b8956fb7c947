package dev.signet.client;

/**
 * A logout token or security event token with this {@code jti} was already accepted: it is a replay.
 */
public final class TokenReplayedException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public TokenReplayedException(String message) {
        super(message);
    }
}
