package dev.signet.client;

/** What kind of token is being revoked (RFC 7009 §2.1 {@code token_type_hint}). */
public enum TokenTypeHint {
    /** A refresh token: revoking it also revokes the access token issued with it. */
    REFRESH_TOKEN("refresh_token"),
    /** An access token: only that access token is revoked. */
    ACCESS_TOKEN("access_token");

    private final String value;

    TokenTypeHint(String value) {
        this.value = value;
    }

    /** The parameter value sent to Signet. */
    public String value() {
        return value;
    }
}
