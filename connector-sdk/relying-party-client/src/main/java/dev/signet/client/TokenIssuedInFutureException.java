package dev.signet.client;

/**
 * The {@code iat} claim is in the future, beyond the allowed clock skew: the token, or one of the two clocks, is wrong.
 */
public final class TokenIssuedInFutureException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public TokenIssuedInFutureException(String message) {
        super(message);
    }
}
