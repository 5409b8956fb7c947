package dev.signet.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The four implementations the benchmark compares compute the same Argon2id hash, so their speeds compare. */
class Argon2ImplementationsTest {

    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    @Test
    void allFourComputeTheSameHash() {
        Argon2ImplementationsBenchmark.Cost cost = new Argon2ImplementationsBenchmark.Cost(2, 1024, 1);
        byte[] bouncyCastle = Argon2ImplementationsBenchmark.bouncyCastle(cost, SALT).hash(PASSWORD);

        assertThat(bouncyCastle).hasSize(Argon2ImplementationsBenchmark.HASH_LENGTH);
        assertThat(Argon2ImplementationsBenchmark.password4j(cost, SALT).hash(PASSWORD)).isEqualTo(bouncyCastle);
        assertThat(Argon2ImplementationsBenchmark.nativeReference(cost, SALT).hash(PASSWORD)).isEqualTo(bouncyCastle);
        Argon2ImplementationsBenchmark.Argon2Hash pooled = Argon2ImplementationsBenchmark.pooled(cost, SALT);
        assertThat(pooled.hash(PASSWORD)).isEqualTo(bouncyCastle);
        assertThat(pooled.hash(PASSWORD)).as("again, in the reused buffer").isEqualTo(bouncyCastle);
    }
}
