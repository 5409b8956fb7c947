package dev.signet.client;

/**
 * Signet answered the authorization request with an error (RFC 6749 §4.1.2.1), for example {@code access_denied},
 * {@code login_required} (after {@code prompt=none}) or {@code unmet_authentication_requirements} (a {@code vtr} Signet
 * cannot meet). {@link #error()} is the code to branch on.
 */
public final class AuthorizationErrorException extends AuthorizationResponseException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String description;

    public AuthorizationErrorException(String error, String description) {
        super("Signet answered the authorization request with error " + error
                + (description == null ? "" : ": " + description));
        this.error = error;
        this.description = description;
    }

    /** The OAuth 2.0 error code, e.g. {@code login_required}. */
    public String error() {
        return error;
    }

    /** Signet's human-readable description, for logs; may be {@code null}. */
    public String description() {
        return description;
    }
}
