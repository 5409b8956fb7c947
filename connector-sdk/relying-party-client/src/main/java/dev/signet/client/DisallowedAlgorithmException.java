package dev.signet.client;

/**
 * The token is signed with an algorithm that is not on the client's allow-list (by default {@code ES256} and
 * {@code RS256}). Unsigned tokens ({@code alg=none}) and HMAC algorithms are never allowed.
 */
public final class DisallowedAlgorithmException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public DisallowedAlgorithmException(String message) {
        super(message);
    }
}
