package dev.signet.core.password;

import dev.signet.core.account.EmailAddress;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * NIST SP 800-63B password rules: a minimum length (at least 8), a maximum that allows at least 64 characters, no
 * composition rules, and refusal of passwords that are common or breached or that contain the account's own email
 * address. Length counts Unicode code points after NFKC normalisation, so an emoji or an accented letter is one
 * character, whichever way the keyboard encoded it. Spaces count and are kept.
 */
public final class NistPasswordPolicy implements PasswordPolicy {

    /** NIST's floor for the minimum and for the maximum a verifier must allow. */
    public static final int NIST_MINIMUM = 8;
    public static final int NIST_MAXIMUM_AT_LEAST = 64;
    /** Signet's ceiling for the maximum: long passphrases fit, megabyte "passwords" do not reach the hasher. */
    public static final int CEILING = 1024;

    /** Below this many characters, an email's local part ("al") is too short to be worth refusing. */
    private static final int SHORTEST_LOCAL_PART_CHECKED = 3;

    private final int minLength;
    private final int maxLength;
    private final CommonPasswords commonPasswords;

    public NistPasswordPolicy(int minLength, int maxLength, CommonPasswords commonPasswords) {
        if (minLength < NIST_MINIMUM) {
            throw new IllegalArgumentException("The minimum password length must be at least " + NIST_MINIMUM
                    + ", but was " + minLength);
        }
        if (maxLength < NIST_MAXIMUM_AT_LEAST || maxLength > CEILING || maxLength < minLength) {
            throw new IllegalArgumentException("The maximum password length must be " + NIST_MAXIMUM_AT_LEAST + ".."
                    + CEILING + " and not below the minimum, but was " + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.commonPasswords = Objects.requireNonNull(commonPasswords, "commonPasswords");
    }

    @Override
    public int minLength() {
        return minLength;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    @Override
    public List<PasswordProblem> check(CharSequence password, String email) {
        Objects.requireNonNull(password, "password");
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        List<PasswordProblem> problems = new ArrayList<>(2);
        if (length < minLength) {
            problems.add(PasswordProblem.TOO_SHORT);
        }
        if (length > maxLength) {
            problems.add(PasswordProblem.TOO_LONG);
        }
        if (length <= maxLength && commonPasswords.contains(normalised)) {
            problems.add(PasswordProblem.COMMON_OR_BREACHED);
        }
        if (email != null && containsEmail(CommonPasswords.fold(normalised), email)) {
            problems.add(PasswordProblem.CONTAINS_EMAIL);
        }
        return List.copyOf(problems);
    }

    private static boolean containsEmail(String foldedPassword, String email) {
        String folded = CommonPasswords.fold(EmailAddress.canonical(email));
        if (folded.isEmpty()) {
            return false;
        }
        if (foldedPassword.contains(folded)) {
            return true;
        }
        int at = folded.lastIndexOf('@');
        String local = at < 0 ? folded : folded.substring(0, at);
        // "ada+signet@..." is the same mailbox as "ada@...": check the part before a sub-address tag too.
        int plus = local.indexOf('+');
        String mailbox = plus < 0 ? local : local.substring(0, plus);
        return containsPart(foldedPassword, local) || containsPart(foldedPassword, mailbox);
    }

    private static boolean containsPart(String foldedPassword, String part) {
        return part.codePointCount(0, part.length()) >= SHORTEST_LOCAL_PART_CHECKED && foldedPassword.contains(part);
    }
}
