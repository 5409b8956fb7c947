package dev.signet.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void ukNumbersAsPeopleWriteThemBecomeE164() {
        assertThat(PhoneNumbers.parse("07700 900123")).contains("+447700900123");
        assertThat(PhoneNumbers.parse("07700-900-123")).contains("+447700900123");
        assertThat(PhoneNumbers.parse("+44 (0)7700 900123")).contains("+447700900123");
        assertThat(PhoneNumbers.parse("+44 7700 900123")).contains("+447700900123");
        assertThat(PhoneNumbers.parse("0044 7700 900123")).contains("+447700900123");
    }

    @Test
    void internationalNumbersNeedTheirCountryCode() {
        assertThat(PhoneNumbers.parse("+33 6 12 34 56 78")).contains("+33612345678");
        assertThat(PhoneNumbers.parse("0033 6 12 34 56 78")).contains("+33612345678");
        assertThat(PhoneNumbers.parse("6 12 34 56 78")).isEmpty();
    }

    @Test
    void otherTextIsRefused() {
        assertThat(PhoneNumbers.parse("12")).isEmpty();
        assertThat(PhoneNumbers.parse("0770090012")).isEmpty();
        assertThat(PhoneNumbers.parse("+0 7700 900123")).isEmpty();
        assertThat(PhoneNumbers.parse("call me")).isEmpty();
        assertThat(PhoneNumbers.parse(null)).isEmpty();
        assertThat(PhoneNumbers.lastDigits("+447700900123")).isEqualTo("123");
    }

    @Test
    void operatorsSeeOnlyTheLastThreeDigits() {
        assertThat(PhoneNumbers.masked("+447700900123")).isEqualTo("+*********123");
    }
}
