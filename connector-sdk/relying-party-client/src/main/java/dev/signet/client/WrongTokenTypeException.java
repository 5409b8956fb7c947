package dev.signet.client;

/**
 * The JOSE header {@code typ} says this is a different kind of token (for example an ID token presented as a logout
 * token), so it must not be accepted here (RFC 8725 §3.11).
 */
public final class WrongTokenTypeException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public WrongTokenTypeException(String message) {
        super(message);
    }
}
