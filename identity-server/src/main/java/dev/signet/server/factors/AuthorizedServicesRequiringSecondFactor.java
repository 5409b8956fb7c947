package dev.signet.server.factors;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The services requiring a second factor for which Signet holds an authorization of the citizen (an authorization
 * code, access or refresh token not yet removed: the citizen signed in to them and may come back without signing in
 * again). Read from the authorization store (PostgreSQL, or Redis when configured), whose principal is the account id.
 */
public final class AuthorizedServicesRequiringSecondFactor implements ServicesRequiringSecondFactor {

    private final AuthorizationStore authorizations;
    private final RelyingPartyRepository relyingParties;

    public AuthorizedServicesRequiringSecondFactor(AuthorizationStore authorizations,
            RelyingPartyRepository relyingParties) {
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
    }

    @Override
    public List<String> signedInTo(UUID accountId) {
        return authorizations.findByPrincipalName(accountId.toString()).stream()
                .map(OAuth2Authorization::getRegisteredClientId)
                .distinct()
                .map(relyingParties::findByClientId)
                .flatMap(Optional::stream)
                .filter(RelyingParty::requiresSecondFactor)
                .map(RelyingParty::name)
                .distinct()
                .sorted()
                .toList();
    }
}
