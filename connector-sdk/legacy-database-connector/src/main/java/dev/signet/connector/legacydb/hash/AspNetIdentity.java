package dev.signet.connector.legacydb.hash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The hashes of ASP.NET Identity's {@code PasswordHasher}, base64 of a binary layout:
 * <ul>
 *   <li>version 2 (ASP.NET Identity 2): {@code 0x00}, a 16-byte salt, a 32-byte PBKDF2-HMAC-SHA1 subkey of 1,000
 *       iterations;</li>
 *   <li>version 3 (ASP.NET Core Identity): {@code 0x01}, then big-endian 32-bit PRF (0 HMAC-SHA1, 1 HMAC-SHA256,
 *       2 HMAC-SHA512), iteration count and salt length, the salt, and the subkey (the rest).</li>
 * </ul>
 */
final class AspNetIdentity {

    private AspNetIdentity() {
    }

    /** Whether {@code decoded} has the layout of a version 2 or 3 hash. */
    static boolean recognises(byte[] decoded) {
        if (decoded.length == 49 && decoded[0] == 0x00) {
            return true;
        }
        if (decoded.length >= 13 + 1 + 16 && decoded[0] == 0x01) {
            ByteBuffer header = ByteBuffer.wrap(decoded, 1, 12);
            int prf = header.getInt();
            header.getInt();
            int saltLength = header.getInt();
            return prf >= 0 && prf <= 2 && saltLength >= 8 && saltLength <= decoded.length - 13 - 16;
        }
        return false;
    }

    static HashCheck check(byte[] password, byte[] decoded) {
        if (decoded[0] == 0x00) {
            byte[] salt = Arrays.copyOfRange(decoded, 1, 17);
            byte[] expected = Arrays.copyOfRange(decoded, 17, 49);
            return HashCheck.of("aspnet-identity-v2",
                    MessageDigest.isEqual(Digests.SHA1.pbkdf2(password, salt, 1000, 32), expected));
        }
        ByteBuffer header = ByteBuffer.wrap(decoded, 1, 12);
        Digests function = switch (header.getInt()) {
            case 0 -> Digests.SHA1;
            case 1 -> Digests.SHA256;
            default -> Digests.SHA512;
        };
        int iterations = header.getInt();
        int saltLength = header.getInt();
        if (iterations < 1 || iterations > Pbkdf2.MAX_ITERATIONS) {
            return new HashCheck.Unreadable("aspnet-identity-v3 iteration count outside 1.." + Pbkdf2.MAX_ITERATIONS);
        }
        byte[] salt = Arrays.copyOfRange(decoded, 13, 13 + saltLength);
        byte[] expected = Arrays.copyOfRange(decoded, 13 + saltLength, decoded.length);
        return HashCheck.of("aspnet-identity-v3",
                MessageDigest.isEqual(function.pbkdf2(password, salt, iterations, expected.length), expected));
    }
}
