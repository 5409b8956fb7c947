package dev.signet.client;

/**
 * The browser came back to the redirect URI with something this client must not turn into a sign-in: an error
 * response, a response to another request, or a response from another provider. Show the citizen a page that lets
 * them start again; do not retry automatically.
 */
public abstract sealed class AuthorizationResponseException extends SignetClientException permits
        AuthorizationErrorException, StateMismatchException, ResponseIssuerMismatchException,
        MalformedAuthorizationResponseException {

    private static final long serialVersionUID = 1L;

    protected AuthorizationResponseException(String message) {
        super(message);
    }
}
