package dev.signet.bulkimport;

import dev.signet.connector.legacydb.hash.HashOptions;
import dev.signet.connector.legacydb.hash.LegacyPasswordHashes;
import dev.signet.core.password.argon2.StoredPasswordHashes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns the password hash of one import row into the string Signet stores, or says why it cannot be used. Nothing
 * here runs a hash: formats are checked by their shape, so an import of 100,000 rows costs no hashing; a value that is
 * well-formed but wrong is found at the citizen's first sign-in (see docs/bulk-import.md).
 *
 * <p>Reasons never contain the hash, the salt or the key.
 */
public final class ImportedPasswordHash {

    /** What a row's hash gave. */
    public sealed interface Reading {
    }

    /** The string to store in {@code account.password_hash}. */
    public record Usable(String stored) implements Reading {
        @Override
        public String toString() {
            return "Usable[hash redacted]";
        }
    }

    /** Why the row's hash cannot be used; the row is rejected. */
    public record Refused(String reason) implements Reading {
    }

    private static final int MAX_VALUE_LENGTH = 1024;
    private static final long MAX_SCRYPT_MEMORY_BYTES = 256L * 1024 * 1024;

    private final LegacyPasswordHashes legacy = new LegacyPasswordHashes(HashOptions.defaults());

    /**
     * {@code password_hash}: bcrypt in Auth0's schema; Signet also takes any self-describing string it can verify
     * (an Argon2 or PBKDF2 PHC string, a crypt(3) MCF string, Django, Werkzeug, phpass, RFC 2307).
     */
    public Reading fromPasswordHash(JsonNode value) {
        if (!value.isString() || value.stringValue().isBlank()) {
            return new Refused("password_hash must be a non-empty string");
        }
        return selfDescribing(value.stringValue().strip(), "password_hash");
    }

    /** {@code custom_password_hash}, per Auth0's schema. */
    public Reading fromCustom(JsonNode custom) {
        if (!custom.isObject()) {
            return new Refused("custom_password_hash must be an object");
        }
        String algorithm = custom.path("algorithm").isString() ? custom.path("algorithm").stringValue() : "";
        JsonNode hash = custom.path("hash");
        if (!hash.path("value").isString() || hash.path("value").stringValue().isBlank()) {
            return new Refused("custom_password_hash.hash.value is missing");
        }
        String value = hash.path("value").stringValue().strip();
        if (value.length() > MAX_VALUE_LENGTH) {
            return new Refused("custom_password_hash.hash.value is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return switch (algorithm) {
            case "argon2" -> value.startsWith("$argon2") ? selfDescribing(value, "custom_password_hash")
                    : new Refused("custom_password_hash with algorithm argon2 needs a PHC string ($argon2id$...)");
            case "bcrypt" -> StoredPasswordHashes.isBcrypt(value) ? selfDescribing(value, "custom_password_hash")
                    : new Refused("custom_password_hash with algorithm bcrypt needs a $2a$/$2b$/$2y$ hash");
            case "pbkdf2" -> value.startsWith("$pbkdf2") ? selfDescribing(value, "custom_password_hash")
                    : new Refused("custom_password_hash with algorithm pbkdf2 needs a PHC string "
                            + "($pbkdf2-sha256$i=...,l=...$salt$hash)");
            case "ldap" -> value.startsWith("{") ? selfDescribing(value, "custom_password_hash")
                    : new Refused("custom_password_hash with algorithm ldap needs an RFC 2307 value ({SSHA}...)");
            case "scrypt" -> scrypt(value, hash);
            case "md4", "md5", "sha1", "sha256", "sha512" -> digest(algorithm, false, value, custom);
            case "hmac" -> hash.path("digest").isString()
                    ? digest(hash.path("digest").stringValue(), true, value, custom)
                    : new Refused("custom_password_hash with algorithm hmac needs hash.digest");
            default -> new Refused("custom_password_hash.algorithm must be one of argon2, bcrypt, hmac, ldap, md4, "
                    + "md5, sha1, sha256, sha512, pbkdf2, scrypt");
        };
    }

    private Reading selfDescribing(String value, String field) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return new Refused(field + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (StoredPasswordHashes.isBcrypt(value) || value.startsWith("$argon2")) {
            Optional<String> problem = StoredPasswordHashes.problem(value);
            return problem.<Reading>map(reason -> new Refused(field + " cannot be used: " + reason))
                    .orElseGet(() -> new Usable(value));
        }
        if (legacy.recognisesSelfDescribing(value)) {
            return new Usable(value);
        }
        return new Refused(field + " is in no format Signet can verify (bcrypt, Argon2, PBKDF2, scrypt, crypt(3), "
                + "phpass, RFC 2307)");
    }

    private static Reading digest(String function, boolean hmac, String value, JsonNode custom) {
        String label = hmac ? "hmac" : function;
        if (SaltedDigest.function(function).isEmpty()) {
            return new Refused("custom_password_hash: digest " + function + " is not supported (md4, md5, sha1, "
                    + "sha224, sha256, sha384, sha512)");
        }
        JsonNode hash = custom.path("hash");
        Optional<byte[]> hashBytes = decode(value, hash.path("encoding"), false);
        if (hashBytes.isEmpty()) {
            return new Refused("custom_password_hash (" + label + "): hash.encoding must be hex or base64, and "
                    + "hash.value written in it");
        }
        byte[] key = new byte[0];
        if (hmac) {
            JsonNode keyNode = hash.path("key");
            Optional<byte[]> keyBytes = keyNode.path("value").isString()
                    ? decode(keyNode.path("value").stringValue(), keyNode.path("encoding"), true) : Optional.empty();
            if (keyBytes.isEmpty() || keyBytes.get().length == 0) {
                return new Refused("custom_password_hash (hmac): hash.key.value is missing or not in "
                        + "hash.key.encoding (utf8, hex or base64)");
            }
            key = keyBytes.get();
        }
        byte[] salt = new byte[0];
        SaltedDigest.SaltPosition position = SaltedDigest.SaltPosition.NONE;
        JsonNode saltNode = hash.path("salt");
        if (!saltNode.isMissingNode() && !saltNode.isNull()) {
            Optional<byte[]> saltBytes = saltNode.path("value").isString()
                    ? decode(saltNode.path("value").stringValue(), saltNode.path("encoding"), true) : Optional.empty();
            if (saltBytes.isEmpty() || saltBytes.get().length == 0) {
                return new Refused("custom_password_hash (" + label + "): hash.salt.value is missing or not in "
                        + "hash.salt.encoding (utf8, hex or base64)");
            }
            String where = saltNode.path("position").isString() ? saltNode.path("position").stringValue() : "";
            if (!where.equals("prefix") && !where.equals("suffix")) {
                return new Refused("custom_password_hash (" + label + "): hash.salt.position must be prefix or "
                        + "suffix");
            }
            salt = saltBytes.get();
            position = where.equals("prefix") ? SaltedDigest.SaltPosition.PREFIX : SaltedDigest.SaltPosition.SUFFIX;
        }
        Optional<SaltedDigest.PasswordEncoding> encoding = passwordEncoding(custom.path("password").path("encoding"));
        if (encoding.isEmpty()) {
            return new Refused("custom_password_hash (" + label + "): password.encoding must be one of utf8, "
                    + "utf16le, ucs2, latin1, binary, ascii");
        }
        try {
            return new Usable(new SaltedDigest(function, hmac, key, position, encoding.get(), salt, hashBytes.get())
                    .format());
        } catch (IllegalArgumentException wrongShape) {
            // The message names lengths and rules only, never bytes.
            return new Refused("custom_password_hash (" + label + "): " + wrongShape.getMessage());
        }
    }

    private static Reading scrypt(String value, JsonNode hash) {
        Optional<byte[]> hashBytes = decode(value, hash.path("encoding"), false);
        JsonNode saltNode = hash.path("salt");
        Optional<byte[]> salt = saltNode.path("value").isString()
                ? decode(saltNode.path("value").stringValue(), saltNode.path("encoding"), true) : Optional.empty();
        if (hashBytes.isEmpty() || salt.isEmpty() || salt.get().length == 0) {
            return new Refused("custom_password_hash (scrypt): hash.value (hex or base64) and hash.salt are needed");
        }
        long n = hash.path("cost").asLong(16384);
        long r = hash.path("blockSize").asLong(8);
        long p = hash.path("parallelization").asLong(1);
        long keylen = hash.path("keylen").asLong(64);
        boolean powerOfTwo = n > 1 && n <= (1L << 30) && (n & (n - 1)) == 0;
        // The limits the sign-in check applies: one hostile row must not be able to exhaust the server.
        boolean affordable = r >= 1 && p >= 1 && 128L * r * n <= MAX_SCRYPT_MEMORY_BYTES && p * r <= 1024;
        if (!powerOfTwo || !affordable || keylen != hashBytes.get().length) {
            return new Refused("custom_password_hash (scrypt): cost must be a power of two, 128 x blockSize x cost "
                    + "at most 256 MiB, parallelization x blockSize at most 1024, and keylen the hash's length in "
                    + "bytes");
        }
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        // The PHC-style form passlib writes, which the legacy hash library verifies.
        return new Usable("$scrypt$ln=" + Long.numberOfTrailingZeros(n) + ",r=" + r + ",p=" + p + "$"
                + base64.encodeToString(salt.get()) + "$" + base64.encodeToString(hashBytes.get()));
    }

    /** Auth0's encodings: hex, base64, and for salts and keys utf8 (the default for them). */
    private static Optional<byte[]> decode(String text, JsonNode encodingNode, boolean utf8Allowed) {
        String encoding = encodingNode.isString() ? encodingNode.stringValue() : (utf8Allowed ? "utf8" : "");
        try {
            return switch (encoding) {
                case "hex" -> Optional.of(HexFormat.of().parseHex(text));
                case "base64" -> Optional.of(Base64.getDecoder().decode(text));
                case "utf8" -> utf8Allowed ? Optional.of(text.getBytes(StandardCharsets.UTF_8)) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notInThatEncoding) {
            return Optional.empty();
        }
    }

    private static Optional<SaltedDigest.PasswordEncoding> passwordEncoding(JsonNode node) {
        String encoding = node.isString() ? node.stringValue() : "utf8";
        return Optional.ofNullable(switch (encoding) {
            case "utf8" -> SaltedDigest.PasswordEncoding.UTF8;
            case "utf16le", "ucs2" -> SaltedDigest.PasswordEncoding.UTF16LE;
            case "latin1", "binary", "ascii" -> SaltedDigest.PasswordEncoding.LATIN1;
            default -> null;
        });
    }
}
