package dev.signet.server.oidc.claims;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code sub} arithmetic (OpenID Connect Core §8.1): base64url(HMAC-SHA-256(salt, sector identifier and account
 * id)). The input names its kind and separates its parts with a NUL so that no sector identifier can produce the
 * public subject or another sector's value. Never the internal account id itself.
 */
final class SubjectDerivation {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    SubjectDerivation(byte[] salt) {
        Objects.requireNonNull(salt, "salt");
        if (salt.length < SubjectsProperties.MINIMUM_SALT_LENGTH) {
            throw new IllegalArgumentException("the pairwise salt is too short");
        }
        this.key = new SecretKeySpec(salt.clone(), ALGORITHM);
    }

    /** The same value for every relying party of the sector, a different one in any other sector. */
    String pairwise(String sectorIdentifier, UUID accountId) {
        Objects.requireNonNull(sectorIdentifier, "sectorIdentifier");
        return hmac("pairwise\u0000" + sectorIdentifier + "\u0000" + accountId);
    }

    /** The account's public identifier, the same for every relying party registered with {@code subject-type: public}. */
    String publicSubject(UUID accountId) {
        return hmac("public\u0000" + accountId);
    }

    private String hmac(String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
