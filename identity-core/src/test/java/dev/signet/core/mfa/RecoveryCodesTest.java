package dev.signet.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void generatedCodesAreDistinctAndReadBackFromTheirDisplayForm() {
        List<String> codes = RecoveryCodes.generate(10, new SecureRandom());

        assertThat(new HashSet<>(codes)).hasSize(10);
        for (String code : codes) {
            assertThat(code).matches("[0-9a-hjkmnp-tv-z]{10}");
            String shown = RecoveryCodes.display(code);
            assertThat(shown).matches("[0-9a-z]{5}-[0-9a-z]{5}");
            assertThat(RecoveryCodes.canonical(shown)).contains(code);
            assertThat(RecoveryCodes.canonical(" " + shown.toUpperCase() + " ")).contains(code);
        }
    }

    @Test
    void lookAlikeLettersAreReadAsDigitsAndOtherTextIsRefused() {
        assertThat(RecoveryCodes.canonical("OIL23-abcde")).contains("01123abcde");
        assertThat(RecoveryCodes.canonical("abcd-efgh")).isEmpty();
        assertThat(RecoveryCodes.canonical("abcde-fghu1")).isEmpty();
        assertThat(RecoveryCodes.canonical(null)).isEmpty();
    }
}
