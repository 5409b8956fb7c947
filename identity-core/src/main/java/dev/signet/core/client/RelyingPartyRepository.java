package dev.signet.core.client;

import java.util.List;
import java.util.Optional;

/**
 * The registry of relying parties that may sign citizens in (store of record: PostgreSQL table {@code relying_party}).
 * Relying parties an operator disabled ({@link ManagedRelyingPartyRepository}) are not found here.
 */
public interface RelyingPartyRepository {

    /** The enabled relying party with this client id. */
    Optional<RelyingParty> findByClientId(String clientId);

    /** Every enabled relying party, ordered by client id. */
    List<RelyingParty> findAll();

    /** Creates the relying party or replaces the one with the same client id. */
    void save(RelyingParty relyingParty);

    /**
     * Makes the file-declared relying parties exactly {@code declared}: each is saved, and those previously declared
     * in the file but no longer in it are removed. Relying parties managed through the admin API (source ADMIN:
     * registered there, or file-declared and since changed there) are left alone, also when {@code declared} names
     * them: the file seeds, the admin API's changes are never undone by a restart.
     *
     * @return the client ids in {@code declared} that were left alone because the admin API manages them
     */
    List<String> replaceFileDeclared(List<RelyingParty> declared);
}
