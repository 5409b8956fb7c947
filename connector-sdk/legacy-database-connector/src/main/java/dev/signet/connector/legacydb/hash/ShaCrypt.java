package dev.signet.connector.legacydb.hash;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SHA-256 and SHA-512 crypt ({@code $5$}, {@code $6$}), as Ulrich Drepper's specification "Unix crypt using SHA-256
 * and SHA-512" defines them: an optional {@code rounds=<n>$} (default 5,000, clamped to at least 1,000), a salt of
 * at most 16 characters, and the hash in the crypt alphabet.
 */
final class ShaCrypt implements HashFormat {

    static final int MAX_ROUNDS = 10_000_000;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$([56])\\$(?:rounds=(\\d{1,9})\\$)?([^$]{0,16})\\$([./0-9A-Za-z]+)");

    /** The byte order of the output encoding, three bytes per four characters, from the specification. */
    private static final int[][] SHA256_ORDER = {{0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
        {15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29}};
    private static final int[][] SHA512_ORDER = {{0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4},
        {47, 5, 26}, {6, 27, 48}, {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54},
        {34, 55, 13}, {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19},
        {62, 20, 41}};

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$5$") || stored.startsWith("$6$");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        Matcher m = FORMAT.matcher(stored);
        boolean sha512 = stored.startsWith("$6$");
        String format = sha512 ? "sha512-crypt" : "sha256-crypt";
        if (!m.matches() || m.group(4).length() != (sha512 ? 86 : 43)) {
            return new HashCheck.Unreadable("malformed " + format + " hash");
        }
        int rounds = m.group(2) == null ? 5000 : Math.max(1000, Integer.parseInt(m.group(2)));
        if (rounds > MAX_ROUNDS) {
            return new HashCheck.Unreadable(format + " rounds above " + MAX_ROUNDS);
        }
        String computed = encoded(sha512 ? Digests.SHA512 : Digests.SHA256, password,
                m.group(3).getBytes(StandardCharsets.UTF_8), rounds);
        return HashCheck.of(format, Encodings.sameText(computed, m.group(4)));
    }

    /** The hash part of the crypt string (after the last {@code $}). */
    static String encoded(Digests function, byte[] p, byte[] s, int rounds) {
        int size = function.length;
        byte[] b = function.digest(p, s, p);

        MessageDigest a = function.newDigest();
        a.update(p);
        a.update(s);
        int count = p.length;
        for (; count > size; count -= size) {
            a.update(b);
        }
        a.update(b, 0, count);
        for (int bits = p.length; bits > 0; bits >>>= 1) {
            a.update((bits & 1) != 0 ? b : p);
        }
        byte[] result = a.digest();

        MessageDigest dp = function.newDigest();
        for (int i = 0; i < p.length; i++) {
            dp.update(p);
        }
        byte[] pSequence = repeat(dp.digest(), p.length);

        MessageDigest ds = function.newDigest();
        for (int i = 0; i < 16 + (result[0] & 0xff); i++) {
            ds.update(s);
        }
        byte[] sSequence = repeat(ds.digest(), s.length);

        for (int i = 0; i < rounds; i++) {
            MessageDigest c = function.newDigest();
            c.update((i & 1) != 0 ? pSequence : result);
            if (i % 3 != 0) {
                c.update(sSequence);
            }
            if (i % 7 != 0) {
                c.update(pSequence);
            }
            c.update((i & 1) != 0 ? result : pSequence);
            result = c.digest();
        }

        StringBuilder out = new StringBuilder();
        for (int[] group : size == 32 ? SHA256_ORDER : SHA512_ORDER) {
            Encodings.crypt64(out, (u(result[group[0]]) << 16) | (u(result[group[1]]) << 8) | u(result[group[2]]), 4);
        }
        if (size == 32) {
            Encodings.crypt64(out, (u(result[31]) << 8) | u(result[30]), 3);
        } else {
            Encodings.crypt64(out, u(result[63]), 2);
        }
        return out.toString();
    }

    private static byte[] repeat(byte[] block, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int written = 0; written < length; written += block.length) {
            out.write(block, 0, Math.min(block.length, length - written));
        }
        return out.toByteArray();
    }

    private static int u(byte value) {
        return value & 0xff;
    }
}
