package dev.signet.core.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A list of common and breached passwords, held as a sorted array (compact: no per-entry map nodes) and matched
 * case-insensitively after NFKC normalisation. The list Signet ships ({@link #shipped()}) is every entry of 8 or more
 * characters from the password list of zxcvbn-ts ({@code @zxcvbn-ts/language-common} 4.1.3, MIT licence; see
 * docs/credentials.md), itself drawn from published breach corpora.
 */
public final class CommonPasswords {

    private static final String SHIPPED = "/dev/signet/core/password/common-passwords.txt";

    private final String[] sorted;

    private CommonPasswords(String[] sorted) {
        this.sorted = sorted;
    }

    /** The shipped list, read once per JVM on first use. */
    public static CommonPasswords shipped() {
        return Shipped.LIST;
    }

    /** A list read from UTF-8 text, one password per line; blank lines are ignored. */
    public static CommonPasswords read(InputStream in) {
        Objects.requireNonNull(in, "in");
        List<String> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    entries.add(fold(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the common-password list", e);
        }
        return new CommonPasswords(entries.stream().distinct().sorted().toArray(String[]::new));
    }

    /** Whether the password is on the list, ignoring case and Unicode compatibility differences. */
    public boolean contains(CharSequence password) {
        return Arrays.binarySearch(sorted, fold(password)) >= 0;
    }

    public int size() {
        return sorted.length;
    }

    /** NFKC, then lower case: the form both the list and typed passwords are compared in. */
    static String fold(CharSequence text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static final class Shipped {
        static final CommonPasswords LIST = load();

        private static CommonPasswords load() {
            InputStream in = CommonPasswords.class.getResourceAsStream(SHIPPED);
            if (in == null) {
                throw new IllegalStateException("The common-password list " + SHIPPED + " is missing from the jar");
            }
            return read(in);
        }
    }
}
