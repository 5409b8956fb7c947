package dev.signet.connector.legacydb.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scrypt (RFC 7914) in the two forms legacy systems hold:
 * <ul>
 *   <li>PHC-style, as passlib writes it: {@code $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>}, salt and hash in
 *       base64 ({@code .} may stand for {@code +}), the salt used as decoded bytes;</li>
 *   <li>Werkzeug's {@code scrypt:<N>:<r>:<p>$<salt>$<hex hash>}, the salt used as its text.</li>
 * </ul>
 */
final class Scrypt implements HashFormat {

    static final long MAX_MEMORY_BYTES = 256L * 1024 * 1024;
    private static final Pattern PHC = Pattern.compile(
            "\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,4}),p=(\\d{1,4})\\$([A-Za-z0-9+/.]+={0,2})\\$([A-Za-z0-9+/.]+={0,2})");
    private static final Pattern WERKZEUG = Pattern.compile(
            "scrypt:(\\d{1,9}):(\\d{1,4}):(\\d{1,4})\\$([^$]+)\\$([0-9a-fA-F]+)");

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$scrypt$") || stored.startsWith("scrypt:");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        Matcher phc = PHC.matcher(stored);
        if (phc.matches()) {
            int log2n = Integer.parseInt(phc.group(1));
            if (log2n < 1 || log2n > 30) {
                return new HashCheck.Unreadable("scrypt ln=" + log2n + " outside 1..30");
            }
            return derive("scrypt", password, Encodings.base64(phc.group(4)), 1 << log2n,
                    Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), Encodings.base64(phc.group(5)));
        }
        Matcher werkzeug = WERKZEUG.matcher(stored);
        if (werkzeug.matches()) {
            return derive("werkzeug-scrypt", password,
                    Optional.of(werkzeug.group(4).getBytes(StandardCharsets.UTF_8)),
                    Integer.parseInt(werkzeug.group(1)), Integer.parseInt(werkzeug.group(2)),
                    Integer.parseInt(werkzeug.group(3)), Encodings.hex(werkzeug.group(5)));
        }
        return new HashCheck.Unreadable("malformed scrypt hash");
    }

    private static HashCheck derive(String format, byte[] password, Optional<byte[]> salt, int n, int r, int p,
            Optional<byte[]> expected) {
        if (salt.isEmpty() || expected.isEmpty() || expected.get().length < 16) {
            return new HashCheck.Unreadable("malformed " + format + " hash");
        }
        boolean powerOfTwo = n > 1 && (n & (n - 1)) == 0;
        if (!powerOfTwo || r < 1 || p < 1 || 128L * r * n > MAX_MEMORY_BYTES || (long) p * r > 1024) {
            return new HashCheck.Unreadable(format + " parameters outside the limits (N a power of two, 128*r*N <= "
                    + MAX_MEMORY_BYTES + " bytes, p*r <= 1024)");
        }
        byte[] computed = org.bouncycastle.crypto.generators.SCrypt.generate(password, salt.get(), n, r, p,
                expected.get().length);
        return HashCheck.of(format, MessageDigest.isEqual(computed, expected.get()));
    }
}
