package dev.signet.core.password.argon2;

import java.util.Optional;

/**
 * Which stored password hashes Signet can check without running them: Argon2 PHC strings and bcrypt, each within
 * work-factor limits. Used by the hasher and by account import, which refuses a row whose hash could never verify.
 */
public final class StoredPasswordHashes {

    private StoredPasswordHashes() {
    }

    /** Why the stored hash cannot be checked (for logs; never includes the hash), or empty when it can. */
    public static Optional<String> problem(String storedHash) {
        if (storedHash == null || storedHash.isEmpty()) {
            return Optional.of("no hash");
        }
        if (storedHash.length() > 1024) {
            return Optional.of("hash too long");
        }
        if (BcryptString.looksLikeBcrypt(storedHash)) {
            return Optional.ofNullable(BcryptString.problem(storedHash));
        }
        if (storedHash.startsWith("$argon2")) {
            return Optional.ofNullable(Argon2PhcString.parse(storedHash).problem());
        }
        return Optional.of("unknown hash format");
    }

    /** Whether the hash is a bcrypt hash (as opposed to an Argon2 PHC string). */
    public static boolean isBcrypt(String storedHash) {
        return BcryptString.looksLikeBcrypt(storedHash);
    }
}
