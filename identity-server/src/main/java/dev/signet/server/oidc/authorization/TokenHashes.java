package dev.signet.server.oidc.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 of a token value, base64url without padding: what stores use as keys instead of raw token values. Token
 * values are high-entropy random strings or signed JWTs, so an unsalted fast hash is enough to make a leaked key
 * useless as a credential. (The same function gives OpenID Connect's {@code sid} from a session id.)
 */
public final class TokenHashes {

    private TokenHashes() {
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
