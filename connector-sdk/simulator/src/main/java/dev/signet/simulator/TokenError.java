package dev.signet.simulator;

/** Errors the token endpoint can be told to answer with (RFC 6749 §5.2). */
public enum TokenError {
    /** The code or refresh token is expired, used or revoked: the citizen must sign in again. HTTP 400. */
    INVALID_GRANT("invalid_grant", 400),
    /** The client's authentication failed. HTTP 401. */
    INVALID_CLIENT("invalid_client", 401),
    /** Signet is briefly unable to answer. HTTP 503. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String code;
    private final int status;

    TokenError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
