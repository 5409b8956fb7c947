package dev.signet.core.client;

import java.util.List;
import java.util.Optional;

/** The registry of relying parties (store of record: PostgreSQL table {@code relying_party}). */
public interface RelyingPartyRepository {

    Optional<RelyingParty> findByClientId(String clientId);

    /** Every relying party, ordered by client id. */
    List<RelyingParty> findAll();

    /** Creates the relying party or replaces the one with the same client id. */
    void save(RelyingParty relyingParty);

    /**
     * Makes the file-declared relying parties exactly {@code declared}: each is saved, and those previously declared
     * in the file but no longer in it are removed. Relying parties added through the admin API are left alone, but
     * one in {@code declared} with the same client id replaces it (the file wins at start-up).
     */
    void replaceFileDeclared(List<RelyingParty> declared);
}
