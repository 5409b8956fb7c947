package dev.signet.connector.legacydb.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A hash with no prefix: a plain MD5, SHA-1, SHA-256 or SHA-512 digest, or an HMAC keyed with a pepper, written in
 * hex or base64. The function follows from the length (16, 20, 32 or 64 bytes); hex or base64 from the text. When the
 * row has a salt (its own column), it is joined to the password before or after it, as the settings say.
 */
final class BareDigest {

    private final HashOptions options;

    BareDigest(HashOptions options) {
        this.options = options;
    }

    /** The digest bytes written in {@code stored}, when it is hex or base64 of a digest's length. */
    static Optional<byte[]> decode(String stored) {
        Optional<byte[]> hex = Encodings.hex(stored).filter(bytes -> Digests.ofLength(bytes.length).isPresent());
        return hex.isPresent() ? hex
                : Encodings.base64(stored).filter(bytes -> Digests.ofLength(bytes.length).isPresent());
    }

    HashCheck check(byte[] password, byte[] expected, Optional<String> salt) {
        Digests function = Digests.ofLength(expected.length).orElseThrow();
        byte[] saltBytes = salt.map(text -> text.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        byte[][] parts = options.saltPosition() == HashOptions.SaltPosition.BEFORE
                ? new byte[][] {saltBytes, password} : new byte[][] {password, saltBytes};
        if (options.unprefixed() == HashOptions.Unprefixed.HMAC) {
            return HashCheck.of("hmac", MessageDigest.isEqual(function.hmac(options.pepper(), parts), expected));
        }
        return HashCheck.of("digest", MessageDigest.isEqual(function.digest(parts), expected));
    }
}
