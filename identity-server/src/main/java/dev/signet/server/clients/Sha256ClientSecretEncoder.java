package dev.signet.server.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks client secrets against their stored SHA-256 hash. Client secrets are long random values, so a fast hash is
 * the right tool (a slow password hash would only burn CPU on every token request); the comparison is constant-time.
 * Deliberately not a bean: it is set on the client-secret authentication provider only, so it never meets the
 * citizens' password encoder.
 *
 * <p>During a secret rotation's overlap the stored value is two hashes, the new and the old, separated by a space
 * ({@link #either}); a secret matching either is accepted. The overlap's end is applied when the client is read
 * (RelyingPartyRegisteredClientRepository), so an expired old hash is never stored here.
 */
public final class Sha256ClientSecretEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawSecret) {
        return HexFormat.of().formatHex(sha256(rawSecret));
    }

    /** The stored form of "the current secret or, during an overlap, the previous one". */
    static String either(String currentSha256, String previousSha256) {
        return currentSha256 + " " + previousSha256;
    }

    @Override
    public boolean matches(CharSequence rawSecret, String storedHash) {
        if (rawSecret == null || storedHash == null) {
            return false;
        }
        byte[] actual = sha256(rawSecret);
        boolean matched = false;
        for (String candidate : storedHash.split(" ", 2)) {
            // Every candidate is compared, so the time taken does not say which one matched.
            matched |= matches(actual, candidate);
        }
        return matched;
    }

    private static boolean matches(byte[] actual, String storedHash) {
        if (storedHash.length() != 64) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] sha256(CharSequence value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
