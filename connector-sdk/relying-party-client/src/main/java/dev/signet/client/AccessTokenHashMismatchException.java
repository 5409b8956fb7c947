package dev.signet.client;

/**
 * The ID token's {@code at_hash} does not match the access token it came with (OpenID Connect Core §3.1.3.8): the
 * access token was swapped.
 */
public final class AccessTokenHashMismatchException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public AccessTokenHashMismatchException(String message) {
        super(message);
    }
}
