package dev.signet.server.events;

import dev.signet.core.events.IssuedSubjects;
import dev.signet.server.oidc.TokenClaimsContributor;
import dev.signet.server.oidc.claims.CitizenAccounts;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Records that a relying party is being given a citizen's {@code sub}: the record that decides who is told of a merge
 * or an unlink. Once per token family, when the grant that starts it (authorization code, device code) builds the
 * access token: the ID token of the same grant goes to the same client, and a refresh continues a family already
 * recorded, so neither costs the token endpoint another database write. An existing record costs one conflicting
 * insert and no write.
 */
final class IssuedSubjectRecorder implements TokenClaimsContributor {

    private final IssuedSubjects subjects;

    IssuedSubjectRecorder(IssuedSubjects subjects) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                || AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        CitizenAccounts.accountOf(context.getPrincipal(), context.getAuthorization())
                .ifPresent(accountId -> subjects.record(accountId, List.of(clientId)));
    }
}
