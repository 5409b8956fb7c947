package dev.signet.admin.security;

import dev.signet.core.audit.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who the operator behind a request is, as the access token says. */
public final class Operators {

    private Operators() {
    }

    /** The operator as an audit actor: the token's {@code sub} (for client credentials, the client id). */
    public static Actor actor(Authentication authentication) {
        return Actor.operator(authentication.getName());
    }

    /** The client the token was issued to, when the token names one apart from its subject. */
    public static Optional<String> clientId(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Object client = jwt.getToken().getClaims().getOrDefault("client_id", jwt.getToken().getClaims().get("azp"));
            if (client != null && !client.toString().equals(authentication.getName())) {
                return Optional.of(client.toString());
            }
        }
        return Optional.empty();
    }

    /** Whether the token carries the OAuth 2.0 scope (as the authority Spring Security grants for it). */
    public static boolean hasScope(Authentication authentication, String scope) {
        String authority = EndpointAuthorization.scope(scope);
        return authentication.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }
}
