package dev.signet.server.observability;

import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The {@code grant_type} tag: a grant type the server knows, {@code other} for anything a client made up. */
final class GrantTypeTag {

    static final String NONE = "none";
    static final String OTHER = "other";

    private static final Set<String> KNOWN = Set.of(
            AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(),
            AuthorizationGrantType.DEVICE_CODE.getValue(),
            AuthorizationGrantType.TOKEN_EXCHANGE.getValue(),
            AuthorizationGrantType.JWT_BEARER.getValue());

    private GrantTypeTag() {
    }

    static String of(String grantType) {
        if (grantType == null || grantType.isEmpty()) {
            return NONE;
        }
        return KNOWN.contains(grantType) ? grantType : OTHER;
    }
}
