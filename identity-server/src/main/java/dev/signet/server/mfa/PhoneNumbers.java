package dev.signet.server.mfa;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading the phone number a citizen types: UK numbers as people write them ({@code 07700 900123},
 * {@code +44 (0)7700 900123}) and international numbers with their country code ({@code +33 6 12 34 56 78},
 * {@code 0033...}), as E.164 ({@code +447700900123}).
 */
final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern UK_MOBILE = Pattern.compile("07[0-9]{9}");

    private PhoneNumbers() {
    }

    static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String number = typed.replaceAll("[\\s().-]", "");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (number.startsWith("+440")) {
            number = "+44" + number.substring(4);
        }
        if (UK_MOBILE.matcher(number).matches()) {
            number = "+44" + number.substring(1);
        }
        return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }

    /** The last digits only, for pages: "ending in 123". */
    static String lastDigits(String number) {
        return number.substring(Math.max(0, number.length() - 3));
    }
}
