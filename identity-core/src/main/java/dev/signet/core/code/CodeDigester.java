package dev.signet.core.code;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and compares the keyed digests that one-time code stores keep instead of codes:
 * HMAC-SHA-256(key, purpose ‖ subject ‖ code). A copy of the store (a Redis dump, a heap dump) then reveals no code
 * without the key, and a digest for one purpose or subject never matches another. Thread-safe.
 */
public final class CodeDigester {

    /** Codes are six decimal digits, as citizens expect from GOV.UK services. */
    public static final int CODE_DIGITS = 6;
    private static final int CODE_SPACE = 1_000_000;
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public CodeDigester(byte[] key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The one-time code key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A digester with a random key held only in this process: for a single instance. */
    public static CodeDigester withRandomKey() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[MIN_KEY_BYTES];
        random.nextBytes(key);
        return new CodeDigester(key, random);
    }

    /** A fresh code: six digits, uniformly random, leading zeros kept. */
    public String newCode() {
        return String.format("%06d", random.nextInt(CODE_SPACE));
    }

    public byte[] digest(CodePurpose purpose, String subject, String code) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(code, "code");
        Mac mac = newMac();
        // Length-prefix each part so that no two (subject, code) pairs share a digest input.
        update(mac, purpose.name());
        update(mac, subject);
        update(mac, code);
        return mac.doFinal();
    }

    /** A keyed identifier for a subject, so a store can name its entries without holding the subject in clear. */
    public byte[] subjectId(String subject) {
        Objects.requireNonNull(subject, "subject");
        Mac mac = newMac();
        update(mac, "subject-id");
        update(mac, subject);
        return mac.doFinal();
    }

    /** The typed code with spaces and hyphens removed ("123 456" and "123-456" are how people copy codes). */
    public static String normaliseTyped(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    /** Constant-time: the time taken does not depend on where two digests first differ. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void update(Mac mac, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
            (byte) bytes.length});
        mac.update(bytes);
    }
}
