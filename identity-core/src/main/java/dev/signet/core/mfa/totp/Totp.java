package dev.signet.core.mfa.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over HOTP, RFC 4226) with the parameters every authenticator app supports:
 * HMAC-SHA-1, 6 digits, 30-second steps counted from the Unix epoch. A code is accepted for the current step and one
 * step either side (RFC 6238 §5.2), to allow for clock drift and typing time; refusing a step used before is the
 * caller's job (the step is returned for that).
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;
    /** RFC 4226 §4 asks for at least 128 bits and recommends 160: the size of an HMAC-SHA-1 key block's digest. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** A new random secret for an authenticator app. */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The time step an instant falls in (RFC 6238 §4.2: T = floor((now - T0) / X), T0 = 0, X = 30). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit HMAC-SHA-1 code of a step, as an authenticator app shows it. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /**
     * The code of a step for any HOTP digit count and HMAC (RFC 6238 Appendix A's {@code generateTOTP}); the test
     * vectors of Appendix B use 8 digits and SHA-256/512 as well.
     */
    public static String code(byte[] secret, long step, int digits, String hmacAlgorithm) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("HOTP codes have 6 to 8 digits");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " is unavailable", e);
        }
        // Dynamic truncation (RFC 4226 §5.3).
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * Checks a typed code (digits only, already stripped of spaces) against the steps around {@code now}. Every
     * candidate is compared, in constant time, so the time taken does not tell which step (if any) matched.
     *
     * @return the matching step, or empty when the code matches none
     */
    public static OptionalLong verify(byte[] secret, String typed, Instant now) {
        Objects.requireNonNull(secret, "secret");
        if (typed == null || typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean same = MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (same && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }
}
