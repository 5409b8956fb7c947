package dev.signet.connector.legacydb.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** The text encodings legacy hashes use, each read leniently but never with a crash. */
final class Encodings {

    /** The alphabet of crypt(3), phpass and their relatives: {@code ./0-9A-Za-z}, least significant bits first. */
    static final String CRYPT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/.]+={0,2}");

    private Encodings() {
    }

    /** Hexadecimal, either case. */
    static Optional<byte[]> hex(String text) {
        if (text.length() % 2 != 0 || !HEX.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Standard base64 with or without padding, also in passlib's "adapted" form that writes {@code .} for
     * {@code +}.
     */
    static Optional<byte[]> base64(String text) {
        if (text.isEmpty() || !BASE64.matcher(text).matches()) {
            return Optional.empty();
        }
        String unpadded = text.replace('.', '+').replace("=", "");
        if (unpadded.length() % 4 == 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(unpadded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Appends {@code count} crypt-alphabet characters of {@code value}, least significant six bits first. */
    static void crypt64(StringBuilder out, int value, int count) {
        int remaining = value;
        for (int i = 0; i < count; i++) {
            out.append(CRYPT_ALPHABET.charAt(remaining & 0x3f));
            remaining >>>= 6;
        }
    }

    /** Constant-time equality of two texts' bytes. */
    static boolean sameText(String computed, String stored) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** A non-negative whole number of at most 9 digits, or empty. */
    static Optional<Integer> smallNumber(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
