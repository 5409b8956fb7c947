package dev.signet.client;

/**
 * The {@code state} in the response is missing or is not the one of the pending request: the response was not
 * started by this browser session (cross-site request forgery) or belongs to an older attempt.
 */
public final class StateMismatchException extends AuthorizationResponseException {

    private static final long serialVersionUID = 1L;

    public StateMismatchException(String message) {
        super(message);
    }
}
