package dev.signet.client;

/**
 * The value is not a signed JWT that can be read (not three base64url parts, not JSON, encrypted, or unsigned with
 * {@code alg=none} written in a form that cannot be parsed).
 */
public final class MalformedTokenException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public MalformedTokenException(String message) {
        super(message);
    }

    public MalformedTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
