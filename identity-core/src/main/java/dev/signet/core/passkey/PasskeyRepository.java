package dev.signet.core.passkey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage port for passkeys and the WebAuthn user handle of each account. PostgreSQL is the store of record; see
 * {@code jdbc.JdbcPasskeyRepository}. Credential ids and user handles are base64url without padding.
 */
public interface PasskeyRepository {

    Optional<PasskeyUser> findUserByAccount(UUID accountId);

    Optional<PasskeyUser> findUserByHandle(String userHandle);

    /**
     * Stores the account's WebAuthn user unless the account already has one, and returns the one stored: two
     * registrations started at once end up with the same user handle.
     */
    PasskeyUser saveUserIfAbsent(PasskeyUser user);

    /** Forgets the user handle and every passkey of its account; returns false when there was none. */
    boolean deleteUser(String userHandle);

    /** The account's passkeys, oldest first. */
    List<Passkey> findByAccount(UUID accountId);

    Optional<Passkey> findByCredentialId(String credentialId);

    /**
     * Stores a new passkey, or records a use of an existing one (its signature counter, backup state and last use).
     * The account's user must have been saved first.
     *
     * @throws IllegalStateException when the credential id is already registered to another account
     */
    void save(Passkey passkey);

    /** Renames one of the account's passkeys; returns false when the account has no such passkey. */
    boolean rename(UUID accountId, String credentialId, String label);

    /** Removes one of the account's passkeys; returns false when the account has no such passkey. */
    boolean delete(UUID accountId, String credentialId);

    /** Removes a passkey whoever owns it; returns false when there was none. */
    boolean delete(String credentialId);
}
