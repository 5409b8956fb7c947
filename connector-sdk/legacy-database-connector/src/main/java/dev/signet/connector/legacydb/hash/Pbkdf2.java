package dev.signet.connector.legacydb.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PBKDF2 (RFC 8018) with HMAC-SHA-1, SHA-256 or SHA-512, in the forms legacy systems hold:
 * <ul>
 *   <li>PHC string format {@code $pbkdf2-sha256$i=<iterations>[,l=<length>]$<salt>$<hash>} and passlib's
 *       {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>} ({@code $pbkdf2$} for SHA-1), base64 where {@code .} may
 *       stand for {@code +}, the salt used as decoded bytes;</li>
 *   <li>Django's {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>} (and {@code pbkdf2_sha1$}), the salt used
 *       as its text;</li>
 *   <li>Werkzeug's {@code pbkdf2:sha256:<iterations>$<salt>$<hex hash>}, the salt used as its text.</li>
 * </ul>
 */
final class Pbkdf2 implements HashFormat {

    static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern PHC = Pattern.compile(
            "\\$pbkdf2(?:-(sha1|sha256|sha512))?\\$(?:i=)?(\\d{1,9})(?:,l=\\d{1,4})?\\$([A-Za-z0-9+/.]*={0,2})\\$([A-Za-z0-9+/.]+={0,2})");
    private static final Pattern DJANGO = Pattern.compile(
            "pbkdf2_(sha1|sha256|sha512)\\$(\\d{1,9})\\$([^$]+)\\$([A-Za-z0-9+/]+={0,2})");
    private static final Pattern WERKZEUG = Pattern.compile(
            "pbkdf2:(sha1|sha256|sha512):(\\d{1,9})\\$([^$]+)\\$([0-9a-fA-F]+)");

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$pbkdf2") || stored.startsWith("pbkdf2_") || stored.startsWith("pbkdf2:");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        Matcher phc = PHC.matcher(stored);
        if (phc.matches()) {
            return derive("pbkdf2", password, phc.group(1) == null ? "sha1" : phc.group(1), phc.group(2),
                    Encodings.base64(phc.group(3)), Encodings.base64(phc.group(4)));
        }
        Matcher django = DJANGO.matcher(stored);
        if (django.matches()) {
            return derive("django-pbkdf2", password, django.group(1), django.group(2),
                    Optional.of(django.group(3).getBytes(StandardCharsets.UTF_8)), Encodings.base64(django.group(4)));
        }
        Matcher werkzeug = WERKZEUG.matcher(stored);
        if (werkzeug.matches()) {
            return derive("werkzeug-pbkdf2", password, werkzeug.group(1), werkzeug.group(2),
                    Optional.of(werkzeug.group(3).getBytes(StandardCharsets.UTF_8)), Encodings.hex(werkzeug.group(4)));
        }
        return new HashCheck.Unreadable(stored.startsWith("pbkdf2:")
                ? "malformed Werkzeug PBKDF2 hash (the iteration count must be written, pbkdf2:sha256:<n>)"
                : "malformed PBKDF2 hash");
    }

    private static HashCheck derive(String format, byte[] password, String function, String iterationText,
            Optional<byte[]> salt, Optional<byte[]> expected) {
        int iterations = Integer.parseInt(iterationText);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return new HashCheck.Unreadable(format + " iteration count outside 1.." + MAX_ITERATIONS);
        }
        if (salt.isEmpty() || expected.isEmpty() || expected.get().length < 16 || expected.get().length > 512) {
            return new HashCheck.Unreadable("malformed " + format + " hash");
        }
        Digests digest = Digests.named(function).orElseThrow();
        byte[] computed = digest.pbkdf2(password, salt.get(), iterations, expected.get().length);
        return HashCheck.of(format, MessageDigest.isEqual(computed, expected.get()));
    }
}
