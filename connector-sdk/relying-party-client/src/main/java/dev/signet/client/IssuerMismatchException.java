package dev.signet.client;

/**
 * The {@code iss} claim is not the issuer this client is configured for.
 */
public final class IssuerMismatchException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public IssuerMismatchException(String message) {
        super(message);
    }
}
