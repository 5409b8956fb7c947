package dev.signet.core.mfa;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Single-use recovery codes, held only as password-style hashes (PHC strings). Adapter: PostgreSQL.
 */
public interface RecoveryCodeRepository {

    /** Replaces every code of the account (used or not) with the given hashes, atomically. */
    void replace(UUID accountId, List<String> codeHashes, Instant at);

    /** The hashes of the account's codes not used yet. */
    List<String> unusedHashes(UUID accountId);

    /**
     * Marks one code used. Atomic: of two racing uses of one code exactly one succeeds.
     *
     * @return false when the code was already used (or is not the account's)
     */
    boolean markUsed(UUID accountId, String codeHash, Instant at);
}
