package dev.signet.client;

/**
 * The ID token's {@code auth_time} is older than the {@code max_age} the authorization request asked for.
 */
public final class AuthenticationTooOldException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public AuthenticationTooOldException(String message) {
        super(message);
    }
}
