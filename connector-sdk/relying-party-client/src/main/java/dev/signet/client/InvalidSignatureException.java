package dev.signet.client;

/**
 * The signature does not verify with the key named by the token's {@code kid}: the token was altered or not made by
 * Signet.
 */
public final class InvalidSignatureException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
