package dev.signet.connector.legacydb.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The portable hashes of phpass (WordPress {@code $P$}, phpBB {@code $H$}): a count character (2^7 to 2^30
 * iterations, capped here at 2^{@value #MAX_LOG2_COUNT}), 8 salt characters, then 16 bytes of iterated MD5 in the
 * crypt alphabet.
 */
final class Phpass implements HashFormat {

    static final int MAX_LOG2_COUNT = 24;

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$P$") || stored.startsWith("$H$");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        if (stored.length() != 34) {
            return new HashCheck.Unreadable("malformed phpass hash");
        }
        int log2Count = Encodings.CRYPT_ALPHABET.indexOf(stored.charAt(3));
        if (log2Count < 7 || log2Count > 30) {
            return new HashCheck.Unreadable("malformed phpass hash");
        }
        if (log2Count > MAX_LOG2_COUNT) {
            return new HashCheck.Unreadable("phpass count 2^" + log2Count + " above 2^" + MAX_LOG2_COUNT);
        }
        byte[] saltBytes = stored.substring(4, 12).getBytes(StandardCharsets.UTF_8);
        MessageDigest md5 = Digests.MD5.newDigest();
        md5.update(saltBytes);
        md5.update(password);
        byte[] hash = md5.digest();
        for (long i = 1L << log2Count; i > 0; i--) {
            md5.update(hash);
            md5.update(password);
            hash = md5.digest();
        }
        String computed = stored.substring(0, 12) + encode(hash);
        return HashCheck.of("phpass", Encodings.sameText(computed, stored));
    }

    /** phpass's encode64: three bytes at a time, little-endian, into the crypt alphabet. */
    private static String encode(byte[] input) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length) {
            int value = input[i++] & 0xff;
            int chars = 2;
            if (i < input.length) {
                value |= (input[i++] & 0xff) << 8;
                chars = 3;
                if (i < input.length) {
                    value |= (input[i++] & 0xff) << 16;
                    chars = 4;
                }
            }
            Encodings.crypt64(out, value, chars);
        }
        return out.toString();
    }
}
