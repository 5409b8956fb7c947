package dev.signet.core.client;

import java.util.Arrays;
import java.util.Optional;

/** How a relying party authenticates at the token, introspection and revocation endpoints. */
public enum TokenEndpointAuthMethod {
    /** RFC 7523 JWT assertion signed with the client's private key. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** Client secret in the HTTP Basic header (RFC 6749 §2.3.1). */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** Client secret in the form body (RFC 6749 §2.3.1). */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A public client (e.g. a native or browser app): no secret, PKCE required. */
    NONE("none");

    private final String value;

    TokenEndpointAuthMethod(String value) {
        this.value = value;
    }

    /** The registered name (OpenID Connect Dynamic Registration, {@code token_endpoint_auth_method}). */
    public String value() {
        return value;
    }

    public boolean usesSecret() {
        return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
    }

    public static Optional<TokenEndpointAuthMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(method -> method.value.equals(value)).findFirst();
    }
}
