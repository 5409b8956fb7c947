package dev.signet.server.oidc.claims;

import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.server.oidc.TokenClaimsContributor;
import java.util.Objects;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Puts {@code legacy_subjects} in a citizen's ID token (also a refreshed one) for a department's relying party that
 * asked for the scope (see {@link LegacySubjects}). Access tokens never carry it: a resource server has no department.
 */
final class LegacySubjectsContributor implements TokenClaimsContributor {

    private final LegacySubjects legacySubjects;
    private final RelyingPartyRepository relyingParties;

    LegacySubjectsContributor(LegacySubjects legacySubjects, RelyingPartyRepository relyingParties) {
        this.legacySubjects = Objects.requireNonNull(legacySubjects, "legacySubjects");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || !context.getAuthorizedScopes().contains(LegacySubjects.SCOPE)) {
            return;
        }
        CitizenAccounts.accountOf(context.getPrincipal(), context.getAuthorization()).ifPresent(accountId ->
                relyingParties.findByClientId(context.getRegisteredClient().getClientId())
                        .flatMap(rp -> legacySubjects.releasedTo(rp, accountId, context.getAuthorizedScopes()))
                        .ifPresent(value -> context.getClaims().claim(LegacySubjects.CLAIM, value)));
    }
}
