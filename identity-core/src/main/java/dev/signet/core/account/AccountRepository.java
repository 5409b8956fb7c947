package dev.signet.core.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage port for accounts. PostgreSQL is the store of record; see {@code jdbc.JdbcAccountRepository}.
 * Email look-ups are case-insensitive.
 */
public interface AccountRepository {

    Optional<Account> findById(UUID id);

    Optional<Account> findByEmail(String email);

    /**
     * Creates the account.
     *
     * @throws DuplicateEmailException when another account already uses the email (case-insensitively)
     */
    Account create(Account account);

    /** Replaces the password hash; returns false when the account no longer exists. */
    boolean updatePasswordHash(UUID id, String passwordHash);

    /** Marks the email as proven; returns false when the account no longer exists. */
    boolean markEmailVerified(UUID id);

    /** Changes the intervention status; returns false when the account no longer exists. */
    boolean updateStatus(UUID id, AccountStatus status);

    /**
     * Replaces the email address with one the citizen has just proven (so it is stored as verified).
     *
     * @return false when the account no longer exists
     * @throws DuplicateEmailException when another account already uses the new address (case-insensitively)
     */
    boolean changeEmail(UUID id, String newEmail);

    /**
     * Deletes the account and everything stored under it (second factors, recovery codes: their foreign keys
     * cascade); returns false when it was already gone.
     */
    boolean delete(UUID id);

    /**
     * Changes the status only if the account is still at {@code version} (its {@link Account#updatedAt()} as read):
     * an operator's change never overwrites one made since they looked.
     *
     * @return false when the account changed since, or no longer exists
     */
    boolean updateStatusIfUnchanged(UUID id, Instant version, AccountStatus status);

    /**
     * Moves the account's version on (its {@code updated_at}) only if it is still at {@code version}: for changes to
     * what hangs off the account (its second factors) that operators must see as a change of the account.
     *
     * @return false when the account changed since, or no longer exists
     */
    boolean markChangedIfUnchanged(UUID id, Instant version);

    /**
     * Deletes the account like {@link #delete} only if it is still at {@code version}.
     *
     * @return false when the account changed since, or no longer exists
     */
    boolean deleteIfUnchanged(UUID id, Instant version);

    /** Raised by {@link #create} when the email is already taken. */
    final class DuplicateEmailException extends RuntimeException {
        public DuplicateEmailException() {
            super("An account with that email address already exists");
        }
    }
}
