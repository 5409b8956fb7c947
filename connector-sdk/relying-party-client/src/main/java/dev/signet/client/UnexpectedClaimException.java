package dev.signet.client;

/**
 * A claim that this kind of token must not carry is present, for example a {@code nonce} in a logout token (OpenID
 * Connect Back-Channel Logout 1.0 §2.4) or in a security event token: a sign that another kind of token is being
 * replayed here.
 */
public final class UnexpectedClaimException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public UnexpectedClaimException(String message) {
        super(message);
    }
}
