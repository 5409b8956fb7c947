package dev.signet.core.mfa;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The second factors of accounts. Adapter: PostgreSQL (the store of record). */
public interface SecondFactorRepository {

    /** The account's factors, oldest first; empty when it has none. */
    List<SecondFactor> findByAccount(UUID accountId);

    /** Adds the factor, replacing the account's factor of the same method if it had one. */
    void save(SecondFactor factor);

    /** @return whether the account had a factor of that method */
    boolean remove(UUID accountId, SecondFactorMethod method);

    /** Removes every factor of the account (an operator's reset); returns how many there were. */
    int removeAll(UUID accountId);

    /** The accounts with a text-message factor on this number (E.164, see {@link PhoneNumbers}), oldest first. */
    List<UUID> findAccountsByPhoneNumber(String e164);

    /**
     * Records that an authenticator-app code of time step {@code step} was accepted. Atomic across instances: only
     * a step later than every step accepted before succeeds, so a code (or an older one) is never accepted twice.
     *
     * @return false when that step or a later one was already used, or the factor does not exist
     */
    boolean useTotpStep(UUID factorId, long step, Instant at);
}
