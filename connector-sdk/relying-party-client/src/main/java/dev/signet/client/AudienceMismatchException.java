package dev.signet.client;

/**
 * The {@code aud} claim does not contain this client's id: the token was issued to another service.
 */
public final class AudienceMismatchException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public AudienceMismatchException(String message) {
        super(message);
    }
}
