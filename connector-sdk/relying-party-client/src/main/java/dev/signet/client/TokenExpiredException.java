package dev.signet.client;

/**
 * The {@code exp} claim is in the past, beyond the allowed clock skew.
 */
public final class TokenExpiredException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public TokenExpiredException(String message) {
        super(message);
    }
}
