package dev.signet.connector.legacydb.hash;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * LDAP userPassword values as RFC 2307 and OpenLDAP write them: {@code {MD5}}, {@code {SHA}}, {@code {SHA256}},
 * {@code {SHA512}} (base64 of the digest) and their salted forms {@code {SMD5}}, {@code {SSHA}}, {@code {SSHA256}},
 * {@code {SSHA512}} (base64 of the digest of password then salt, followed by the salt). {@code {CRYPT}} is followed
 * by a crypt(3) string, which the crypt formats check. Scheme names are case-insensitive.
 */
final class Rfc2307 implements HashFormat {

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("{") && stored.indexOf('}') > 1;
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        int close = stored.indexOf('}');
        String scheme = stored.substring(1, close).toUpperCase(Locale.ROOT);
        boolean salted = scheme.startsWith("S") && !scheme.equals("SHA") && !scheme.startsWith("SHA2")
                && !scheme.startsWith("SHA5");
        Optional<Digests> function = switch (salted ? scheme.substring(1) : scheme) {
            case "MD5" -> Optional.of(Digests.MD5);
            case "SHA" -> Optional.of(Digests.SHA1);
            case "SHA256" -> Optional.of(Digests.SHA256);
            case "SHA512" -> Optional.of(Digests.SHA512);
            default -> Optional.empty();
        };
        if (function.isEmpty()) {
            return new HashCheck.Unreadable("RFC 2307 scheme {" + scheme + "} is not supported");
        }
        Optional<byte[]> decoded = Encodings.base64(stored.substring(close + 1));
        int length = function.get().length;
        if (decoded.isEmpty() || (salted ? decoded.get().length <= length : decoded.get().length != length)) {
            return new HashCheck.Unreadable("malformed RFC 2307 {" + scheme + "} value");
        }
        byte[] expected = Arrays.copyOf(decoded.get(), length);
        byte[] saltBytes = Arrays.copyOfRange(decoded.get(), length, decoded.get().length);
        byte[] computed = function.get().digest(password, saltBytes);
        return HashCheck.of("rfc2307", MessageDigest.isEqual(computed, expected));
    }
}
