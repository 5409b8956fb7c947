package dev.signet.core.links;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage port for legacy identities linked to Signet accounts. PostgreSQL is the store of record; see
 * {@code jdbc.JdbcLinkedIdentityRepository}. A legacy identity ({@code connectorId}, {@code legacySubject}) is linked
 * to at most one account; an account may hold any number, several from the same connector. Links go when their
 * account is deleted.
 */
public interface LinkedIdentityRepository {

    /** The link of the legacy identity, if it is linked. */
    Optional<LinkedIdentity> find(String connectorId, String legacySubject);

    /** The account's links, oldest first. */
    List<LinkedIdentity> findByAccount(UUID accountId);

    /**
     * Stores a new link.
     *
     * @throws AlreadyLinkedException when the legacy identity is already linked (to this or another account)
     */
    void link(LinkedIdentity link);

    /**
     * Replaces the password fingerprint of a link (empty: the account's password no longer comes from it); returns
     * false when there is no such link.
     */
    boolean updatePasswordFingerprint(String connectorId, String legacySubject, Optional<String> fingerprint);

    /** Raised by {@link #link} when the legacy identity is already linked. */
    final class AlreadyLinkedException extends RuntimeException {
        public AlreadyLinkedException() {
            super("That legacy identity is already linked to an account");
        }
    }
}
