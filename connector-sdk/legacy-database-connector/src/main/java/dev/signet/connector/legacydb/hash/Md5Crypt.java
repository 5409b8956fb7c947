package dev.signet.connector.legacydb.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The MD5-based crypt(3) of FreeBSD ({@code $1$<salt>$<hash>}, Poul-Henning Kamp's algorithm) and Apache's variant
 * ({@code $apr1$}), which differs only in its magic string. The salt is at most 8 characters.
 */
final class Md5Crypt implements HashFormat {

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$1$") || stored.startsWith("$apr1$");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        String magic = stored.startsWith("$1$") ? "$1$" : "$apr1$";
        String format = magic.equals("$1$") ? "md5-crypt" : "apr1-crypt";
        String rest = stored.substring(magic.length());
        int end = rest.indexOf('$');
        if (end < 0 || end > 8 || rest.length() - end - 1 != 22) {
            return new HashCheck.Unreadable("malformed " + format + " hash");
        }
        String saltText = rest.substring(0, end);
        String computed = hash(password, magic, saltText);
        return HashCheck.of(format, Encodings.sameText(computed, stored));
    }

    /** The whole crypt string for {@code password}, {@code magic} and {@code salt}. */
    static String hash(byte[] password, String magic, String salt) {
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        byte[] magicBytes = magic.getBytes(StandardCharsets.US_ASCII);
        MessageDigest alternate = Digests.MD5.newDigest();
        alternate.update(password);
        alternate.update(saltBytes);
        alternate.update(password);
        byte[] alt = alternate.digest();

        MessageDigest ctx = Digests.MD5.newDigest();
        ctx.update(password);
        ctx.update(magicBytes);
        ctx.update(saltBytes);
        for (int remaining = password.length; remaining > 0; remaining -= 16) {
            ctx.update(alt, 0, Math.min(remaining, 16));
        }
        for (int i = password.length; i != 0; i >>>= 1) {
            if ((i & 1) != 0) {
                ctx.update((byte) 0);
            } else {
                ctx.update(password[0]);
            }
        }
        byte[] result = ctx.digest();

        for (int i = 0; i < 1000; i++) {
            MessageDigest round = Digests.MD5.newDigest();
            round.update((i & 1) != 0 ? password : result);
            if (i % 3 != 0) {
                round.update(saltBytes);
            }
            if (i % 7 != 0) {
                round.update(password);
            }
            round.update((i & 1) != 0 ? result : password);
            result = round.digest();
        }

        StringBuilder out = new StringBuilder(magic).append(salt).append('$');
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] group : groups) {
            Encodings.crypt64(out, (b(result[group[0]]) << 16) | (b(result[group[1]]) << 8) | b(result[group[2]]), 4);
        }
        Encodings.crypt64(out, b(result[11]), 2);
        return out.toString();
    }

    private static int b(byte value) {
        return value & 0xff;
    }
}
