package dev.signet.server.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The {@code state} value that ties an upstream provider's callback to the journey that sent the citizen there. */
final class UpstreamState {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UpstreamState() {
    }

    /** 256 random bits, URL-safe. */
    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the callback's {@code state} is the one sent, compared in constant time. */
    static boolean matches(String sent, String received) {
        return received != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
                received.getBytes(StandardCharsets.US_ASCII));
    }
}
