package dev.signet.server.oidc.claims;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code sub} a relying party sees for an account: pairwise per sector identifier, or the public subject for
 * clients registered with {@code subject-type: public}. ID tokens, JWT access tokens, userinfo and introspection all
 * get it from here, so they always agree.
 */
public final class SubjectIdentifiers {

    private final SubjectDerivation derivation;
    private final RelyingPartyRepository relyingParties;

    SubjectIdentifiers(SubjectDerivation derivation, RelyingPartyRepository relyingParties) {
        this.derivation = Objects.requireNonNull(derivation, "derivation");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
    }

    /**
     * @throws IllegalArgumentException when no relying party has that client id
     */
    public String subjectFor(UUID accountId, String clientId) {
        Objects.requireNonNull(accountId, "accountId");
        RelyingParty rp = relyingParties.findByClientId(clientId)
                .orElseThrow(() -> new IllegalArgumentException("unknown client " + clientId));
        return rp.subjectType() == SubjectType.PUBLIC ? derivation.publicSubject(accountId)
                : derivation.pairwise(rp.sectorIdentifier(), accountId);
    }
}
