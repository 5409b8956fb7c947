package dev.signet.client;

import java.util.Optional;

/**
 * Signet answered a back-channel request (token, revocation, userinfo, discovery, JWKS) with an OAuth 2.0 error
 * (RFC 6749 §5.2, RFC 6750 §3.1) or with a response this client cannot use. {@code invalid_grant} on a refresh means
 * the citizen must sign in again; {@code invalid_client} means the client's registration or key is wrong.
 */
public final class ProviderErrorException extends SignetClientException {

    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int status;
    private final String error;
    private final String description;

    public ProviderErrorException(String endpoint, int status, String error, String description) {
        super(endpoint + " answered " + status + (error == null ? "" : " " + error)
                + (description == null ? "" : ": " + description));
        this.endpoint = endpoint;
        this.status = status;
        this.error = error;
        this.description = description;
    }

    /** Which endpoint answered, e.g. {@code token endpoint}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The OAuth 2.0 error code, e.g. {@code invalid_grant}, when Signet sent one. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** Signet's human-readable description, for logs. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }
}
