package dev.signet.core.mfa;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading a phone number as a person types it: UK numbers as people write them ({@code 07700 900123},
 * {@code +44 (0)7700 900123}) and international numbers with their country code ({@code +33 6 12 34 56 78},
 * {@code 0033...}), as E.164 ({@code +447700900123}). Text-message factors are stored in this form, so a citizen
 * setting one up and an operator searching for it read a number the same way.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern UK_MOBILE = Pattern.compile("07[0-9]{9}");
    private static final int SHOWN_DIGITS = 3;

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it is not a number this reading understands. */
    public static Optional<String> parse(String typed) {
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
    public static String lastDigits(String number) {
        return number.substring(Math.max(0, number.length() - SHOWN_DIGITS));
    }

    /** The number with every digit but the last three hidden ({@code +*********123}), for operators' views. */
    public static String masked(String number) {
        int shown = Math.max(0, number.length() - SHOWN_DIGITS);
        StringBuilder masked = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            masked.append(i < shown && Character.isDigit(c) ? '*' : c);
        }
        return masked.toString();
    }
}
