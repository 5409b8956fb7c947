package dev.signet.core.protection;

/**
 * Storage port that counts attempts per key (for example "password sign-in for this email address", or "from this
 * client address") under an {@link AttemptPolicy}. Every operation is atomic for its key, also across the instances
 * that share one store, so racing attempts cannot slip past a delay or a lock. Adapters: in-memory (one instance, the
 * embedded default) and Redis (several instances).
 *
 * <p>Attempts are counted when they are allowed, before the caller knows whether they succeed: a burst of parallel
 * guesses is therefore held to the policy too. The caller then says what a success means for the key:
 * {@link #forget} (the owner proved themselves: clear it, including a lock) or {@link #refund} (the attempt was
 * genuine but says nothing about the key: it no longer counts).
 */
public interface AttemptCounter {

    /** Refuses the attempt while the key is locked or too soon after the previous one; otherwise counts it. */
    AttemptDecision attempt(String key, AttemptPolicy policy);

    /** Forgets the key's count, delay and lock. */
    void forget(String key);

    /**
     * Takes one counted attempt back (never below zero); when the count is back within the free attempts, the next
     * attempt is no longer delayed. A lock stays.
     */
    void refund(String key, AttemptPolicy policy);
}
