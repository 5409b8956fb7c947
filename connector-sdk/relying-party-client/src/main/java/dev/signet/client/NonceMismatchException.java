package dev.signet.client;

/**
 * The ID token's {@code nonce} is not the one this client put in the authorization request: the response belongs to
 * another request (a replay or an injected code).
 */
public final class NonceMismatchException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public NonceMismatchException(String message) {
        super(message);
    }
}
