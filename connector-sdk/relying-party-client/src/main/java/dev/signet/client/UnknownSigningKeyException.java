package dev.signet.client;

/**
 * No key in Signet's JWKS matches the token's {@code kid} and algorithm, even after the key set was fetched again (or
 * fetching it again was not allowed yet, because the last fetch was too recent).
 */
public final class UnknownSigningKeyException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public UnknownSigningKeyException(String message) {
        super(message);
    }
}
