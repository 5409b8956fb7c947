package dev.signet.core.password.argon2;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2 hash in the PHC string format the reference implementation writes:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in unpadded standard Base64). The version field
 * may be absent (then 0x10, as in the reference implementation).
 */
record Argon2PhcString(String type, int version, Argon2Cost cost, byte[] salt, byte[] hash) {

    static final int VERSION_10 = 0x10;
    static final int VERSION_13 = 0x13;

    private static final Pattern FORMAT = Pattern.compile(
            "^\\$(argon2id|argon2i|argon2d)(?:\\$v=(\\d{1,3}))?\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,3})"
                    + "\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{6,})$");
    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    private static final Base64.Encoder BASE64_UNPADDED = Base64.getEncoder().withoutPadding();

    /** Reads a stored hash, or says why it cannot be read; never throws. */
    static Result parse(String text) {
        if (text == null) {
            return new Result(Optional.empty(), "no hash");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return new Result(Optional.empty(), "not an Argon2 PHC string");
        }
        int version = m.group(2) == null ? VERSION_10 : Integer.parseInt(m.group(2));
        if (version != VERSION_10 && version != VERSION_13) {
            return new Result(Optional.empty(), "unknown Argon2 version " + version);
        }
        long memory = Long.parseLong(m.group(3));
        long iterations = Long.parseLong(m.group(4));
        long parallelism = Long.parseLong(m.group(5));
        Argon2Cost cost;
        try {
            cost = new Argon2Cost((int) Math.min(memory, Integer.MAX_VALUE), (int) Math.min(iterations,
                    Integer.MAX_VALUE), (int) parallelism);
        } catch (IllegalArgumentException e) {
            return new Result(Optional.empty(), "Argon2 parameters out of range: " + e.getMessage());
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = BASE64.decode(m.group(6));
            hash = BASE64.decode(m.group(7));
        } catch (IllegalArgumentException e) {
            return new Result(Optional.empty(), "Argon2 salt or hash is not Base64");
        }
        if (salt.length < 8 || salt.length > 64 || hash.length < 4 || hash.length > 128) {
            return new Result(Optional.empty(), "Argon2 salt or hash length out of range");
        }
        return new Result(Optional.of(new Argon2PhcString(m.group(1), version, cost, salt, hash)), null);
    }

    String format() {
        return "$" + type + "$v=" + version + "$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p="
                + cost.parallelism() + "$" + BASE64_UNPADDED.encodeToString(salt) + "$"
                + BASE64_UNPADDED.encodeToString(hash);
    }

    /** Either a parsed hash or the reason it could not be read. */
    record Result(Optional<Argon2PhcString> hash, String problem) {
    }
}
