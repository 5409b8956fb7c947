package dev.signet.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** Unguessable values (codes, tokens, session ids) and the hashes PKCE and {@code at_hash} use. */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {
    }

    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** base64url(SHA-256(text)): the PKCE S256 challenge of a verifier (RFC 7636 §4.2). */
    public static String s256(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(text));
    }

    /** base64url of the left half of SHA-256(accessToken): {@code at_hash} for ES256 (OIDC Core §3.1.3.6). */
    public static String leftHalfHash(String accessToken) {
        byte[] hash = sha256(accessToken);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
