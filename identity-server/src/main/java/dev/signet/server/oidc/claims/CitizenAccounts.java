package dev.signet.server.oidc.claims;

import dev.signet.server.signin.CitizenAuthentication;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/** Which citizen account a token is about, if any (client-credentials tokens are about the client itself). */
public final class CitizenAccounts {

    private CitizenAccounts() {
    }

    public static Optional<UUID> accountOf(Authentication principal, OAuth2Authorization authorization) {
        if (principal instanceof CitizenAuthentication citizen) {
            return Optional.of(citizen.accountId());
        }
        if (authorization == null
                || AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return Optional.empty();
        }
        return accountOf(authorization);
    }

    /** SAS's principal name of a citizen's authorization is the account id. */
    static Optional<UUID> accountOf(OAuth2Authorization authorization) {
        try {
            return Optional.of(UUID.fromString(authorization.getPrincipalName()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
