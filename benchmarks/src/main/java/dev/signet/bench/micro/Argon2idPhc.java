package dev.signet.bench.micro;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id hashes in PHC string form ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}), for seed files. */
public final class Argon2idPhc {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Argon2idPhc() {
    }

    /** @param parameters {@code t=<iterations>,m=<KiB>,p=<lanes>} */
    public static String hash(String password, String parameters) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Argon2Parameters argon2 = PasswordHashingBenchmark.argon2id(parameters, salt);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + argon2.getMemory() + ",t=" + argon2.getIterations() + ",p="
                + argon2.getLanes() + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }
}
