package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.password.CommonPasswords;
import dev.signet.core.password.NistPasswordPolicy;
import dev.signet.core.password.PasswordProblem;
import org.junit.jupiter.api.Test;

/** The carry-over check is the sign-up rules themselves (the shipped list and lengths), not a copy of them. */
class CarryOverPolicyTest {

    private final CarryOverPolicy carryOver = new CarryOverPolicy(
            new NistPasswordPolicy(8, 128, CommonPasswords.shipped()));

    @Test
    void aPasswordThatPassesTheSignUpRulesIsCarriedOver() {
        assertThat(carryOver.refusal("correct horse battery staple")).isEmpty();
    }

    @Test
    void aCommonOrBreachedPasswordIsRefusedWhateverItsCase() {
        assertThat(carryOver.refusal("password123")).contains(PasswordProblem.COMMON_OR_BREACHED);
        assertThat(carryOver.refusal("PassWord123")).contains(PasswordProblem.COMMON_OR_BREACHED);
    }

    @Test
    void tooShortAndTooLongPasswordsAreRefused() {
        assertThat(carryOver.refusal("k9#vQ2")).contains(PasswordProblem.TOO_SHORT);
        assertThat(carryOver.refusal("x".repeat(129))).contains(PasswordProblem.TOO_LONG);
    }
}
