package dev.signet.client.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * {@code at_hash} (OpenID Connect Core §3.1.3.6): base64url of the left half of the hash of the access token's ASCII
 * octets, with the hash of the ID token's signing algorithm (SHA-256 for ES256/RS256/PS256, -384, -512).
 */
public final class AccessTokenHash {

    private AccessTokenHash() {
    }

    public static String of(String accessToken, JWSAlgorithm algorithm) {
        String digest = switch (algorithm.getName().substring(2)) {
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is not available", e);
        }
    }

    /** Constant-time comparison of two ASCII values. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
