package dev.signet.client;

/**
 * A claim that this kind of token must carry is absent.
 */
public final class MissingClaimException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public MissingClaimException(String message) {
        super(message);
    }
}
