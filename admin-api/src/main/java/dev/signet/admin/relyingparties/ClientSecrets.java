package dev.signet.admin.relyingparties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * New client secrets: 256 random bits, base64url, shown to the operator once and stored only as their hex SHA-256
 * (what identity-server compares against; a fast hash suffices for a value with this much entropy).
 */
final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    /** A secret and its stored form. */
    record NewSecret(String secret, String sha256) {
        @Override
        public String toString() {
            return "NewSecret[secret=<hidden>, sha256=" + sha256 + "]";
        }
    }

    static NewSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new NewSecret(secret, sha256(secret));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
