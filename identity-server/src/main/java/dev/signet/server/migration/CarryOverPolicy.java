package dev.signet.server.migration;

import dev.signet.core.password.PasswordPolicy;
import dev.signet.core.password.PasswordProblem;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a password an old system has just accepted may become a Signet password. Carrying it over establishes a
 * Signet password, so it meets the rules a new one meets at sign-up (NIST SP 800-63B 5.1.1.2: length, and not common
 * or breached), through the same {@link PasswordPolicy}. The email rule is left out: the account's address is not
 * known yet when the old system answers, and the journey keeps only the hash after that.
 */
@Component
class CarryOverPolicy {

    private final PasswordPolicy policy;

    CarryOverPolicy(PasswordPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Why the password may not be carried over, or empty when it may. */
    Optional<PasswordProblem> refusal(String legacyPassword) {
        return policy.check(legacyPassword, null).stream().findFirst();
    }
}
