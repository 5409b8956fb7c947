package dev.signet.core.password.argon2;

/**
 * The work factors of an Argon2 hash.
 *
 * @param memoryKiB   memory per hash, in KiB (at least 8 × parallelism, as RFC 9106 requires)
 * @param iterations  passes over that memory (t)
 * @param parallelism lanes (p)
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {

    /** Above these, a stored hash is refused unread: an imported hash must not be able to exhaust the server. */
    public static final int MAX_MEMORY_KIB = 262_144;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    /**
     * Signet's default: OWASP's first Argon2id choice (m = 19 MiB, t = 2, p = 1). OWASP lists it as equivalent to
     * Keycloak's default (m = 7 MiB, t = 5, p = 1); its memory × passes product is slightly larger (38,912 against
     * 35,840 KiB-passes) and the larger memory costs a GPU attacker more. About 24 ms per hash on one core here.
     */
    public static final Argon2Cost DEFAULT = new Argon2Cost(19_456, 2, 1);

    public Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "Argon2 parallelism must be 1.." + MAX_PARALLELISM + ", but was " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "Argon2 iterations must be 1.." + MAX_ITERATIONS + ", but was " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be 8 × parallelism.." + MAX_MEMORY_KIB
                    + " KiB, but was " + memoryKiB);
        }
    }
}
