package dev.signet.connector.legacydb.hash;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2i, Argon2id (and Argon2d) in the PHC string format the reference implementation writes:
 * {@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>}, base64 without padding. Version 1.0 hashes omit {@code v=}.
 * Django's {@code argon2$argon2id$...} is the same string behind Django's own prefix.
 */
final class Argon2Phc implements HashFormat {

    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2(id|i|d)(?:\\$v=(\\d+))?\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$argon2") || stored.startsWith("argon2$argon2");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        String phc = stored.startsWith("argon2$") ? stored.substring("argon2".length()) : stored;
        Matcher m = FORMAT.matcher(phc);
        if (!m.matches()) {
            return new HashCheck.Unreadable("malformed Argon2 hash");
        }
        int type = switch (m.group(1)) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = m.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(m.group(2));
        int memory = Integer.parseInt(m.group(3));
        int iterations = Integer.parseInt(m.group(4));
        int parallelism = Integer.parseInt(m.group(5));
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            return new HashCheck.Unreadable("Argon2 version " + version + " unknown");
        }
        if (memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS || parallelism < 1
                || parallelism > MAX_PARALLELISM || memory < 8 * parallelism) {
            return new HashCheck.Unreadable("Argon2 parameters outside the limits (m<=" + MAX_MEMORY_KIB
                    + " KiB, t<=" + MAX_ITERATIONS + ", p<=" + MAX_PARALLELISM + ")");
        }
        Optional<byte[]> saltBytes = Encodings.base64(m.group(6));
        Optional<byte[]> expected = Encodings.base64(m.group(7));
        if (saltBytes.isEmpty() || expected.isEmpty() || expected.get().length < 16 || saltBytes.get().length < 1) {
            return new HashCheck.Unreadable("malformed Argon2 hash");
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memory)
                .withIterations(iterations).withParallelism(parallelism).withSalt(saltBytes.get()).build());
        byte[] computed = new byte[expected.get().length];
        generator.generateBytes(password, computed);
        return HashCheck.of("argon2", MessageDigest.isEqual(computed, expected.get()));
    }
}
