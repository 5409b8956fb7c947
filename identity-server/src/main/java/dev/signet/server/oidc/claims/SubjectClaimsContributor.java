package dev.signet.server.oidc.claims;

import dev.signet.server.oidc.TokenClaimsContributor;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Replaces the framework's {@code sub} (the internal account id) with the relying party's own subject identifier in
 * ID tokens and in a citizen's JWT access tokens. Introspection answers with the access token's claims, so it reports
 * the same {@code sub}; back-channel logout tokens copy it from the ID token.
 */
final class SubjectClaimsContributor implements TokenClaimsContributor {

    private final SubjectIdentifiers subjects;

    SubjectClaimsContributor(SubjectIdentifiers subjects) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!idToken && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        CitizenAccounts.accountOf(context.getPrincipal(), context.getAuthorization())
                .ifPresent((UUID accountId) -> context.getClaims().subject(subjects.subjectFor(accountId, clientId)));
    }
}
