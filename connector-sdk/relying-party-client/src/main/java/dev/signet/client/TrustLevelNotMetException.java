package dev.signet.client;

/**
 * The ID token's {@code vot} (the vector of trust the citizen's sign-in achieved) does not satisfy any vector the
 * authorization request asked for in {@code vtr}.
 */
public final class TrustLevelNotMetException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public TrustLevelNotMetException(String message) {
        super(message);
    }
}
