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
 */
public final class Sha256ClientSecretEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawSecret) {
        return HexFormat.of().formatHex(sha256(rawSecret));
    }

    @Override
    public boolean matches(CharSequence rawSecret, String storedHash) {
        if (rawSecret == null || storedHash == null || storedHash.length() != 64) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(rawSecret), expected);
    }

    private static byte[] sha256(CharSequence value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
