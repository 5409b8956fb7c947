package dev.signet.client;

/**
 * The redirect carries neither a {@code code} nor an {@code error}, or repeats a parameter.
 */
public final class MalformedAuthorizationResponseException extends AuthorizationResponseException {

    private static final long serialVersionUID = 1L;

    public MalformedAuthorizationResponseException(String message) {
        super(message);
    }
}
