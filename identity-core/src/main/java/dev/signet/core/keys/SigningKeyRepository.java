package dev.signet.core.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the provider's signing keys are kept (the store of record, shared by every instance). */
public interface SigningKeyRepository {

    /** Every key that has not expired at {@code now} (published or pending), oldest activation first. */
    List<SigningKey> findUnexpired(Instant now);

    Optional<SigningKey> findByKid(String kid);

    /**
     * Adds {@code key} unless a key of the same algorithm already retires after {@code retiringAfter}, i.e. unless
     * another instance has already made the successor this caller planned from what it saw. Atomic across instances:
     * of several concurrent callers with the same view, exactly one adds its key.
     *
     * @return whether the key was added
     */
    boolean addUnlessRetiringAfter(SigningKey key, Instant retiringAfter);

    /** Deletes keys that expired before {@code before}; returns how many. */
    int deleteExpiredBefore(Instant before);
}
