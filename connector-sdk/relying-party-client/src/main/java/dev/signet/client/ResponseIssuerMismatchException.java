package dev.signet.client;

/**
 * The authorization response's {@code iss} parameter (RFC 9207) is missing or names another provider: a mix-up attack,
 * or the browser was sent here by a different identity provider.
 */
public final class ResponseIssuerMismatchException extends AuthorizationResponseException {

    private static final long serialVersionUID = 1L;

    public ResponseIssuerMismatchException(String message) {
        super(message);
    }
}
