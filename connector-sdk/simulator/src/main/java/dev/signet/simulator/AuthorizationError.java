package dev.signet.simulator;

/** Errors the authorization endpoint can be told to answer with (RFC 6749 §4.1.2.1 at your redirect URI). */
public enum AuthorizationError {
    /** The citizen cancelled. */
    ACCESS_DENIED("access_denied"),
    /** {@code prompt=none} and nobody is signed in (the simulator also answers this by itself). */
    LOGIN_REQUIRED("login_required"),
    /** Signet is briefly unable to answer. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
    /** The requested {@code vtr} cannot be met. */
    UNMET_AUTHENTICATION_REQUIREMENTS("unmet_authentication_requirements"),
    SERVER_ERROR("server_error");

    private final String code;

    AuthorizationError(String code) {
        this.code = code;
    }

    /** The {@code error} parameter's value. */
    public String code() {
        return code;
    }
}
