package dev.signet.server.events;

import dev.signet.core.events.IssuedSubjects;
import dev.signet.server.oidc.TokenClaimsContributor;
import dev.signet.server.oidc.claims.CitizenAccounts;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Records that a relying party is being given a citizen's {@code sub} whenever an ID token or a citizen's access
 * token is built for it: the record that decides who is told of a merge or an unlink. An existing record costs one
 * conflicting insert and no write.
 */
final class IssuedSubjectRecorder implements TokenClaimsContributor {

    private final IssuedSubjects subjects;

    IssuedSubjectRecorder(IssuedSubjects subjects) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!idToken && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        CitizenAccounts.accountOf(context.getPrincipal(), context.getAuthorization())
                .ifPresent(accountId -> subjects.record(accountId, List.of(clientId)));
    }
}
