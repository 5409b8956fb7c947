package dev.signet.server.credentials;

import dev.signet.core.password.NistPasswordPolicy;
import dev.signet.core.password.argon2.Argon2Cost;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.passwords.*}: how citizens' passwords are judged and stored (docs/credentials.md).
 *
 * @param minLength           fewest characters (Unicode code points after NFKC) a new password may have; at least 8
 * @param maxLength           most characters a new password may have; 64..1024
 * @param argon2              Argon2id work factors for new hashes; a stored hash with other factors is re-hashed
 *                            after its next successful sign-in
 * @param maxConcurrentHashes how many password hashes may run at once (each holds {@code argon2.memory-kib}); unset
 *                            means twice the number of processors
 */
@Validated
@ConfigurationProperties("signet.passwords")
public record PasswordsProperties(int minLength, int maxLength, @NotNull Argon2 argon2, Integer maxConcurrentHashes) {

    public PasswordsProperties {
        if (minLength < NistPasswordPolicy.NIST_MINIMUM) {
            throw new IllegalArgumentException("signet.passwords.min-length must be at least "
                    + NistPasswordPolicy.NIST_MINIMUM + " (NIST SP 800-63B), but was " + minLength);
        }
        if (maxLength < Math.max(NistPasswordPolicy.NIST_MAXIMUM_AT_LEAST, minLength)
                || maxLength > NistPasswordPolicy.CEILING) {
            throw new IllegalArgumentException("signet.passwords.max-length must be from "
                    + Math.max(NistPasswordPolicy.NIST_MAXIMUM_AT_LEAST, minLength) + " to "
                    + NistPasswordPolicy.CEILING + ", but was " + maxLength);
        }
        if (maxConcurrentHashes != null && maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("signet.passwords.max-concurrent-hashes must be at least 1, but was "
                    + maxConcurrentHashes);
        }
    }

    public Argon2Cost cost() {
        return new Argon2Cost(argon2.memoryKib(), argon2.iterations(), argon2.parallelism());
    }

    public int concurrentHashes() {
        return maxConcurrentHashes != null ? maxConcurrentHashes : 2 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param memoryKib   {@code signet.passwords.argon2.memory-kib}
     * @param iterations  {@code signet.passwords.argon2.iterations}
     * @param parallelism {@code signet.passwords.argon2.parallelism}
     */
    public record Argon2(int memoryKib, int iterations, int parallelism) {

        public Argon2 {
            // Fail at binding, naming the setting, rather than when the first password is hashed.
            try {
                new Argon2Cost(memoryKib, iterations, parallelism);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signet.passwords.argon2 is out of range: " + e.getMessage(), e);
            }
        }
    }
}
