package dev.signet.core.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Relying parties as the admin API manages them (table {@code relying_party}, like {@link RelyingPartyRepository},
 * which serves only enabled ones to the authorization server). Every change is conditional on the version the
 * operator read ({@link ManagedRelyingParty#updatedAt()}), moves that version on, and makes the relying party
 * {@link RelyingParty.Source#ADMIN}: from then on the relying-party file no longer overwrites it at start-up.
 */
public interface ManagedRelyingPartyRepository {

    /** The relying party, enabled or not. */
    Optional<ManagedRelyingParty> find(String clientId);

    /** Up to {@code limit} relying parties with client ids after {@code afterClientId}, ordered by client id. */
    List<ManagedRelyingParty> page(Optional<String> afterClientId, int limit);

    /**
     * Registers a new, enabled relying party (its source is set to ADMIN).
     *
     * @return the stored relying party, or empty when the client id is taken
     */
    Optional<ManagedRelyingParty> create(RelyingParty registration, Optional<URI> sectorIdentifierUri);

    /**
     * Replaces the registration of the relying party last changed at {@code expectedVersion}. The client secret (or
     * its absence) and any previous secret stay as they are: secrets change only by {@link #rotateSecret}.
     *
     * @return the stored relying party, or empty when it does not exist or changed since {@code expectedVersion}
     */
    Optional<ManagedRelyingParty> update(RelyingParty registration, Optional<URI> sectorIdentifierUri,
            Instant expectedVersion);

    /**
     * Enables or disables it; disabling also sets {@link ManagedRelyingParty#tokensNotBefore()} to now, so that
     * refresh tokens issued until then stay dead when it is enabled again.
     *
     * @return the stored relying party, or empty when it does not exist or changed since {@code expectedVersion}
     */
    Optional<ManagedRelyingParty> setEnabled(String clientId, boolean enabled, Instant expectedVersion);

    /**
     * Gives the relying party a new client secret. With {@code previousValidUntil}, the current secret stays accepted
     * until then; without, it stops working at once (as does any older previous secret).
     *
     * @return the stored relying party, or empty when it does not exist or changed since {@code expectedVersion}
     */
    Optional<ManagedRelyingParty> rotateSecret(String clientId, String newSecretSha256,
            Optional<Instant> previousValidUntil, Instant expectedVersion);
}
