package dev.signet.server.oidc.authorization;

/** Outcome of presenting a refresh token for rotation. */
public sealed interface RefreshTokenClaim {

    /** The token had never been presented: rotation may go ahead. */
    record FirstUse() implements RefreshTokenClaim {
    }

    /** The token was presented before: whoever holds it now, the family it belongs to must be revoked. */
    record Reuse(String authorizationId) implements RefreshTokenClaim {
    }
}
