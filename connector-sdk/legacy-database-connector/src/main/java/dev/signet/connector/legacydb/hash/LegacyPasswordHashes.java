package dev.signet.connector.legacydb.hash;

import dev.signet.connector.Password;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a password against a hash a legacy system stored, recognising the format from the stored value itself.
 *
 * <table>
 *   <caption>Formats, by how the stored value starts</caption>
 *   <tr><th>Stored value</th><th>Format</th></tr>
 *   <tr><td>{@code $2a$}, {@code $2b$}, {@code $2y$}</td><td>bcrypt</td></tr>
 *   <tr><td>{@code $argon2i$}, {@code $argon2id$}, {@code $argon2d$} (also Django's {@code argon2$...})</td>
 *       <td>Argon2, PHC string</td></tr>
 *   <tr><td>{@code $scrypt$}, {@code scrypt:}</td><td>scrypt, PHC-style (passlib) or Werkzeug</td></tr>
 *   <tr><td>{@code $pbkdf2$}, {@code $pbkdf2-sha256$}, {@code $pbkdf2-sha512$}</td>
 *       <td>PBKDF2, PHC string or passlib</td></tr>
 *   <tr><td>{@code pbkdf2_sha256$}, {@code pbkdf2_sha1$}</td><td>PBKDF2, Django</td></tr>
 *   <tr><td>{@code pbkdf2:sha256:}</td><td>PBKDF2, Werkzeug</td></tr>
 *   <tr><td>{@code $1$}, {@code $apr1$}, {@code $5$}, {@code $6$}</td>
 *       <td>MD5, Apache MD5, SHA-256 and SHA-512 crypt(3)</td></tr>
 *   <tr><td>{@code {MD5}}, {@code {SMD5}}, {@code {SHA}}, {@code {SSHA}}, {@code {SHA256}}, {@code {SSHA256}},
 *       {@code {SHA512}}, {@code {SSHA512}}, {@code {CRYPT}}</td><td>RFC 2307 (LDAP)</td></tr>
 *   <tr><td>{@code $P$}, {@code $H$}</td><td>phpass</td></tr>
 *   <tr><td>base64 of 49 bytes starting 0x00, or of a 0x01 header</td><td>ASP.NET Identity v2, v3</td></tr>
 *   <tr><td>hex or base64 of 16, 20, 32 or 64 bytes</td>
 *       <td>MD5, SHA-1, SHA-256, SHA-512 digest, or HMAC with the pepper, with the row's salt if any</td></tr>
 * </table>
 *
 * <p>A password longer than 4,096 UTF-8 bytes never matches. Every comparison is constant time. A value in no supported format, one asking for more work than the limits
 * allow (so that one corrupt row cannot exhaust memory or CPU: Argon2 at most 256 MiB, t 64, p 16; scrypt at most
 * 256 MiB; PBKDF2 at most 10,000,000 iterations; SHA crypt at most 10,000,000 rounds; bcrypt cost at most 18; phpass
 * at most 2^24), or a derived key shorter than 16 bytes, is {@link HashCheck.Unreadable}: never an exception.
 */
public final class LegacyPasswordHashes {

    /**
     * The longest password checked, in UTF-8 bytes, as Django and passlib limit it. SHA-crypt's work grows with the
     * square of the password's length (a 100,000-character password against a {@code $6$} hash takes tens of seconds
     * of CPU), so a longer password is a {@link HashCheck.Mismatch} without hashing. No real password is this long.
     */
    static final int MAX_PASSWORD_BYTES = 4096;

    private final List<HashFormat> prefixed = List.of(new Bcrypt(), new Argon2Phc(), new Scrypt(), new Pbkdf2(),
            new Md5Crypt(), new ShaCrypt(), new Phpass());
    private final Rfc2307 rfc2307 = new Rfc2307();
    private final BareDigest bare;

    public LegacyPasswordHashes(HashOptions options) {
        this.bare = new BareDigest(Objects.requireNonNull(options, "options"));
    }

    /**
     * Checks {@code password} against {@code stored}.
     *
     * @param salt the row's separate salt, for unprefixed digests; ignored by formats that carry their own
     */
    public HashCheck check(Password password, String stored, Optional<String> salt) {
        Objects.requireNonNull(stored, "stored");
        byte[] bytes = password.utf8();
        try {
            if (bytes.length > MAX_PASSWORD_BYTES) {
                return new HashCheck.Mismatch("password-too-long");
            }
            return checkBytes(bytes, stored.trim(), salt);
        } catch (RuntimeException unexpected) {
            // A corrupt value that slipped past a format's own checks: still an outcome, never a crash.
            return new HashCheck.Unreadable("hash could not be read (" + unexpected.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether {@code stored} is in one of the formats that name themselves by a prefix (every row of the table above
     * but the last two), without checking a password: how a bulk import tells a usable hash string from anything else
     * without running the hash. A value in such a format can still be malformed past its prefix; {@link #check} then
     * says {@link HashCheck.Unreadable}. Unprefixed digests and ASP.NET Identity values are not included: nothing in
     * them says what they are.
     */
    public boolean recognisesSelfDescribing(String stored) {
        Objects.requireNonNull(stored, "stored");
        String value = stored.trim();
        if (value.regionMatches(true, 0, "{CRYPT}", 0, 7)) {
            value = value.substring(7);
        } else if (rfc2307.recognises(value)) {
            return true;
        }
        for (HashFormat format : prefixed) {
            if (format.recognises(value)) {
                return true;
            }
        }
        return false;
    }

    private HashCheck checkBytes(byte[] password, String stored, Optional<String> salt) {
        if (stored.isEmpty()) {
            return new HashCheck.Unreadable("no stored hash");
        }
        String value = stored;
        if (value.regionMatches(true, 0, "{CRYPT}", 0, 7)) {
            value = value.substring(7);
            for (HashFormat format : prefixed) {
                if (format.recognises(value)) {
                    return format.check(password, value, Optional.empty());
                }
            }
            return new HashCheck.Unreadable("{CRYPT} value in an unsupported crypt(3) format");
        }
        if (rfc2307.recognises(value)) {
            return rfc2307.check(password, value, salt);
        }
        for (HashFormat format : prefixed) {
            if (format.recognises(value)) {
                return format.check(password, value, salt);
            }
        }
        Optional<byte[]> digest = BareDigest.decode(value);
        if (digest.isPresent()) {
            return bare.check(password, digest.get(), salt);
        }
        Optional<byte[]> decoded = Encodings.base64(value).filter(AspNetIdentity::recognises);
        if (decoded.isPresent()) {
            return AspNetIdentity.check(password, decoded.get());
        }
        return new HashCheck.Unreadable("no supported hash format recognised");
    }
}
