package dev.signet.bench.micro;

import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.argon2.Argon2Cost;
import dev.signet.core.password.argon2.Argon2idPasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signet's own {@link Argon2idPasswordHasher} with its default cost ({@link Argon2Cost#DEFAULT}), as a sign-in uses it:
 * {@code verify} of the right password against a stored PHC string (the sign-in), and {@code hash} of a new password
 * (sign-up, reset, and the rehash after a sign-in with an old hash). Compare with {@link PasswordHashingBenchmark},
 * the bare BouncyCastle Argon2id, to see what normalisation, PHC parsing and the constant-time compare add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHasherBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private Argon2idPasswordHasher hasher;
    private String stored;

    @Setup
    public void setUp() {
        hasher = new Argon2idPasswordHasher(Argon2Cost.DEFAULT, Runtime.getRuntime().availableProcessors());
        stored = hasher.hash(PASSWORD);
        if (!hasher.verify(PASSWORD, stored).matches()) {
            throw new IllegalStateException("the hasher does not verify its own hash");
        }
    }

    @Benchmark
    public PasswordCheck verify() {
        return hasher.verify(PASSWORD, stored);
    }

    @Benchmark
    public String hash() {
        return hasher.hash(PASSWORD);
    }
}
