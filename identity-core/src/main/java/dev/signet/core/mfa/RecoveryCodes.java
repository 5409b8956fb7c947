package dev.signet.core.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Making and reading recovery codes: 10 characters from Crockford's Base32 alphabet (50 bits), shown as
 * {@code xxxxx-xxxxx}. Read leniently: any case, spaces and hyphens ignored, and the letters people confuse with digits
 * ({@code o}, {@code i}, {@code l}) read as those digits. Codes are below 112 bits, so NIST SP 800-63B §5.1.2.2 wants
 * them stored with a salted, costly hash: the caller hashes them with the password hasher.
 */
public final class RecoveryCodes {

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    public static final int LENGTH = 10;

    private RecoveryCodes() {
    }

    /** {@code count} fresh codes in their canonical form (no hyphen). */
    public static List<String> generate(int count, SecureRandom random) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** A canonical code as the citizen is shown it. */
    public static String display(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /** The canonical form of a typed code, or empty when it cannot be one. */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT)
                .replace('o', '0').replace('i', '1').replace('l', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
