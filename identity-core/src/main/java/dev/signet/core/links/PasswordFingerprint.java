package dev.signet.core.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of a stored password hash string. Kept beside a link instead of the hash itself: it tells whether the
 * account still holds the password carried over from the legacy system without storing a second copy of a credential.
 */
public final class PasswordFingerprint {

    private PasswordFingerprint() {
    }

    public static String of(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
