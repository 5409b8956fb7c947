package dev.signet.server.oidc.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code at_hash} (OpenID Connect Core §3.1.3.6): base64url of the left-most half of the hash of the access token's
 * ASCII value, with the hash of the ID token's JWS algorithm (SHA-256 for ES256 and RS256).
 */
final class AccessTokenHash {

    private AccessTokenHash() {
    }

    static String of(String accessToken, String jwsAlgorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(hashFor(jwsAlgorithm))
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hashFor(String jwsAlgorithm) {
        return switch (jwsAlgorithm.substring(2)) {
            case "256" -> "SHA-256";
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> throw new IllegalArgumentException("no at_hash rule for " + jwsAlgorithm);
        };
    }
}
