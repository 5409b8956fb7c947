package dev.signet.server.adminapi;

import dev.signet.core.operator.OperatorScopes;
import dev.signet.server.oidc.TokenClaimsContributor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Names the admin API in {@code aud} of access tokens granted an admin scope (RFC 9068 section 3: the audience is the
 * resource server). The framework's audience (the client id) stays, so nothing that relies on it changes; the admin
 * API refuses tokens without its own audience, so a token meant for another service cannot be replayed to it.
 */
final class AdminApiAudienceContributor implements TokenClaimsContributor {

    private final String audience;

    AdminApiAudienceContributor(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || context.getAuthorizedScopes().stream().noneMatch(OperatorScopes.ALL::contains)) {
            return;
        }
        context.getClaims().claims(claims -> {
            List<String> audiences = new ArrayList<>();
            Object current = claims.get(JwtClaimNames.AUD);
            if (current instanceof Collection<?> values) {
                values.forEach(value -> audiences.add(String.valueOf(value)));
            } else if (current != null) {
                audiences.add(String.valueOf(current));
            }
            if (!audiences.contains(audience)) {
                audiences.add(audience);
            }
            claims.put(JwtClaimNames.AUD, audiences);
        });
    }
}
