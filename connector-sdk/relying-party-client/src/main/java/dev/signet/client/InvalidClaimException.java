package dev.signet.client;

/**
 * A claim is present but its value has the wrong type or shape (for example {@code events} that is not a JSON object).
 */
public final class InvalidClaimException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public InvalidClaimException(String message) {
        super(message);
    }

    public InvalidClaimException(String message, Throwable cause) {
        super(message, cause);
    }
}
