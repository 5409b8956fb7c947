package dev.signet.core.password;

import static dev.signet.core.password.PasswordProblem.COMMON_OR_BREACHED;
import static dev.signet.core.password.PasswordProblem.CONTAINS_EMAIL;
import static dev.signet.core.password.PasswordProblem.TOO_LONG;
import static dev.signet.core.password.PasswordProblem.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NistPasswordPolicyTest {

    private static final String EMAIL = "ada.lovelace@example.gov.uk";

    private final NistPasswordPolicy policy = new NistPasswordPolicy(8, 256, CommonPasswords.shipped());

    @Test
    void eightCharactersWithoutCompositionRulesAreAccepted() {
        assertThat(policy.check("tqbfjotl", EMAIL)).isEmpty();
        assertThat(policy.check("all lower case words here", EMAIL)).isEmpty();
    }

    @Test
    void sevenCharactersAreTooShort() {
        assertThat(policy.check("tqbfjot", EMAIL)).containsExactly(TOO_SHORT);
        assertThat(policy.check("", EMAIL)).containsExactly(TOO_SHORT);
    }

    @Test
    void lengthCountsCodePointsAfterNfkc() {
        // Seven emoji are seven characters (fourteen UTF-16 units): too short.
        assertThat(policy.check("🔑🔑🔑🔑🔑🔑🔑", EMAIL)).containsExactly(TOO_SHORT);
        assertThat(policy.check("🔑🔑🔑🔑🔑🔑🔑🔑", EMAIL)).isEmpty();
        // "é" typed as e + combining accent is one character after normalisation: seven, not eight.
        assertThat(policy.check("cafe\u0301caf", EMAIL)).containsExactly(TOO_SHORT);
        // One ligature "ﬃ" becomes three letters.
        assertThat(policy.check("ﬃxwqzpv", EMAIL)).isEmpty();
    }

    @Test
    void sixtyFourAndUpToTheMaximumAreAllowedAndLongerIsRefused() {
        assertThat(policy.check("x".repeat(40) + "y".repeat(24), EMAIL)).isEmpty();
        assertThat(policy.check("q".repeat(128) + "z".repeat(128), EMAIL)).isEmpty();
        assertThat(policy.check("q".repeat(128) + "z".repeat(129), EMAIL)).containsExactly(TOO_LONG);
    }

    @Test
    void commonPasswordsAreRefusedIgnoringCase() {
        assertThat(policy.check("password", EMAIL)).containsExactly(COMMON_OR_BREACHED);
        assertThat(policy.check("PassWord1", EMAIL)).containsExactly(COMMON_OR_BREACHED);
        assertThat(policy.check("qwertyuiop", EMAIL)).containsExactly(COMMON_OR_BREACHED);
        assertThat(policy.check("iloveyou", EMAIL)).containsExactly(COMMON_OR_BREACHED);
        // Full-width letters fold to the same common password.
        assertThat(policy.check("ｐａｓｓｗｏｒｄ", EMAIL)).containsExactly(COMMON_OR_BREACHED);
    }

    @Test
    void shortCommonPasswordsAreTooShortRatherThanListed() {
        assertThat(policy.check("123456", EMAIL)).containsExactly(TOO_SHORT);
    }

    @Test
    void passwordContainingTheEmailOrItsLocalPartIsRefused() {
        assertThat(policy.check(EMAIL, EMAIL)).containsExactly(CONTAINS_EMAIL);
        assertThat(policy.check("my Ada.Lovelace secret", EMAIL)).containsExactly(CONTAINS_EMAIL);
        assertThat(policy.check("ada2024secret", "ada+signet@example.gov.uk")).containsExactly(CONTAINS_EMAIL);
        assertThat(policy.check("lovelace is a name", EMAIL)).isEmpty();
    }

    @Test
    void veryShortLocalPartsOnlyRefuseTheWholeAddress() {
        assertThat(policy.check("alpine meadows", "al@example.gov.uk")).isEmpty();
        assertThat(policy.check("al@example.gov.uk", "al@example.gov.uk")).containsExactly(CONTAINS_EMAIL);
    }

    @Test
    void noEmailMeansNoEmailCheck() {
        assertThat(policy.check("ada.lovelace", null)).isEmpty();
    }

    @Test
    void everyProblemIsReported() {
        assertThat(policy.check("adalove", "adalove@example.gov.uk")).containsExactly(TOO_SHORT, CONTAINS_EMAIL);
    }

    @Test
    void shippedListIsLoadedOnceAndHoldsOnlyPasswordsLongEnoughToMatter() {
        assertThat(CommonPasswords.shipped()).isSameAs(CommonPasswords.shipped());
        assertThat(CommonPasswords.shipped().size()).isGreaterThan(15_000);
        assertThat(CommonPasswords.shipped().contains("123456")).isFalse();
        assertThat(CommonPasswords.shipped().contains("12345678")).isTrue();
    }

    @Test
    void aListCanBeReadFromText() {
        CommonPasswords list = CommonPasswords.read(new ByteArrayInputStream(
                "Hunter2Hunter2\n\nsignet-demo\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(list.size()).isEqualTo(2);
        assertThat(new NistPasswordPolicy(8, 64, list).check("hunter2HUNTER2", null))
                .containsExactly(COMMON_OR_BREACHED);
    }

    @Test
    void settingsBelowNistAreRefused() {
        assertThatThrownBy(() -> new NistPasswordPolicy(7, 64, CommonPasswords.shipped()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NistPasswordPolicy(8, 63, CommonPasswords.shipped()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NistPasswordPolicy(100, 64, CommonPasswords.shipped()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
