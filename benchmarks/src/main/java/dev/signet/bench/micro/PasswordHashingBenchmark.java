package dev.signet.bench.micro;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Argon2id with BouncyCastle, the cost that dominates a sign-in: checking a password is one hash with the stored salt
 * and parameters, so one operation here is one sign-in's password check (or one new password's hash). Parameters are
 * {@code t=<iterations>,m=<KiB>,p=<lanes>}: Keycloak's default (t=5, 7 MiB) and OWASP's (t=2, 19 MiB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHashingBenchmark {

    @Param({"t=5,m=7168,p=1", "t=2,m=19456,p=1"})
    public String parameters;

    private Argon2Parameters argon2;
    private byte[] password;

    @Setup
    public void setUp() {
        argon2 = argon2id(parameters, salt());
        password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] argon2id() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] hash = new byte[32];
        generator.generateBytes(password, hash);
        return hash;
    }

    /** Parses {@code t=..,m=..,p=..} into Argon2id (version 1.3) parameters. */
    static Argon2Parameters argon2id(String text, byte[] salt) {
        int iterations = 0;
        int memoryKib = 0;
        int lanes = 0;
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "t" -> iterations = value;
                case "m" -> memoryKib = value;
                case "p" -> lanes = value;
                default -> throw new IllegalArgumentException("unknown Argon2 parameter '" + pair[0] + "' in " + text);
            }
        }
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(iterations)
                .withMemoryAsKB(memoryKib)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }
}
