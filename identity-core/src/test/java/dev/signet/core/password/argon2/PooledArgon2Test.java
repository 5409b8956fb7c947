package dev.signet.core.password.argon2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.password.argon2.PooledArgon2.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** RFC 9106's test vectors, and byte-for-byte agreement with BouncyCastle's independent implementation. */
class PooledArgon2Test {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 9106 section 5: P = 32 × 0x01, S = 16 × 0x02, K = 8 × 0x03, X = 12 × 0x04, m = 32, t = 3, p = 4, T = 32.
    private static final byte[] RFC_PASSWORD = filled(32, 0x01);
    private static final byte[] RFC_SALT = filled(16, 0x02);
    private static final byte[] RFC_SECRET = filled(8, 0x03);
    private static final byte[] RFC_AD = filled(12, 0x04);

    @Test
    void rfc9106Argon2d() {
        assertThat(HEX.formatHex(rfcVector(Type.D)))
                .isEqualTo("512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb");
    }

    @Test
    void rfc9106Argon2i() {
        assertThat(HEX.formatHex(rfcVector(Type.I)))
                .isEqualTo("c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8");
    }

    @Test
    void rfc9106Argon2id() {
        assertThat(HEX.formatHex(rfcVector(Type.ID)))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void agreesWithBouncyCastleOverASpreadOfParameters() {
        Random random = new Random(9106);
        PooledArgon2 argon2 = new PooledArgon2(2, 256);
        int[] memories = {8, 16, 33, 64, 100, 256, 300, 1024};
        int[] lanes = {1, 2, 4};
        int[] lengths = {4, 16, 32, 63, 64, 65, 100};
        int cases = 0;
        for (Type type : Type.values()) {
            for (int version : new int[] {PooledArgon2.VERSION_10, PooledArgon2.VERSION_13}) {
                for (int iterations = 1; iterations <= 3; iterations++) {
                    for (int p : lanes) {
                        int memory = Math.max(8 * p, memories[random.nextInt(memories.length)]);
                        int length = lengths[random.nextInt(lengths.length)];
                        byte[] password = bytes(random, random.nextInt(40));
                        byte[] salt = bytes(random, 8 + random.nextInt(24));
                        byte[] secret = bytes(random, random.nextInt(3) == 0 ? 0 : random.nextInt(32));
                        byte[] ad = bytes(random, random.nextInt(3) == 0 ? 0 : random.nextInt(32));
                        assertThat(argon2.hash(type, version, iterations, memory, p, password.clone(), salt, secret,
                                ad, length))
                                .as("%s v=%x t=%d m=%d p=%d T=%d", type, version, iterations, memory, p, length)
                                .isEqualTo(bouncyCastle(type, version, iterations, memory, p, password, salt, secret,
                                        ad, length));
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(54);
    }

    @Test
    void agreesWithBouncyCastleAtSignetsCostForEveryTypeAndVersion() {
        PooledArgon2 argon2 = new PooledArgon2(1, 19_456);
        byte[] password = "correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] salt = filled(16, 0x2a);
        for (Type type : Type.values()) {
            for (int version : new int[] {PooledArgon2.VERSION_10, PooledArgon2.VERSION_13}) {
                assertThat(argon2.hash(type, version, 2, 19_456, 1, password, salt, new byte[0], new byte[0], 32))
                        .isEqualTo(bouncyCastle(type, version, 2, 19_456, 1, password, salt, new byte[0],
                                new byte[0], 32));
            }
        }
        assertThat(argon2.hash(Type.ID, PooledArgon2.VERSION_13, 1, 19_456, 4, password, salt, new byte[0],
                new byte[0], 64)).isEqualTo(bouncyCastle(Type.ID, PooledArgon2.VERSION_13, 1, 19_456, 4, password,
                salt, new byte[0], new byte[0], 64));
    }

    @Test
    void aPooledBufferGivesTheSameAnswersAfterLargerAndSmallerHashes() {
        PooledArgon2 argon2 = new PooledArgon2(1, 512);
        byte[] salt = filled(16, 0x07);
        byte[] password = filled(10, 0x41);
        byte[] small = bouncyCastle(Type.ID, 0x13, 2, 64, 1, password, salt, new byte[0], new byte[0], 32);
        byte[] pooledSize = bouncyCastle(Type.ID, 0x13, 2, 512, 2, password, salt, new byte[0], new byte[0], 32);
        byte[] larger = bouncyCastle(Type.D, 0x13, 1, 2048, 1, password, salt, new byte[0], new byte[0], 32);

        assertThat(hashId(argon2, 512, 2, password, salt)).isEqualTo(pooledSize);
        assertThat(argon2.pooledBuffers()).isEqualTo(1);
        assertThat(argon2.pooledBuffersAreZeroed()).as("no password-derived memory left behind").isTrue();
        assertThat(hashId(argon2, 64, 1, password, salt)).isEqualTo(small); // in the pooled buffer's first blocks
        assertThat(argon2.hash(Type.D, 0x13, 1, 2048, 1, password, salt, new byte[0], new byte[0], 32))
                .isEqualTo(larger);
        assertThat(argon2.pooledBuffers()).as("the larger buffer is not kept").isEqualTo(1);
        assertThat(hashId(argon2, 512, 2, password, salt)).isEqualTo(pooledSize);
        assertThat(hashId(argon2, 64, 1, password, salt)).isEqualTo(small);
        assertThat(hashId(argon2, 512, 2, password, salt)).isEqualTo(pooledSize);
        assertThat(argon2.pooledBuffersAreZeroed()).isTrue();
    }

    @Test
    void keepsAtMostTheGivenNumberOfBuffers() throws Exception {
        PooledArgon2 argon2 = new PooledArgon2(2, 64);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> hashId(argon2, 64, 1, filled(8, 1), filled(16, 2))));
            }
            for (Future<byte[]> result : results) {
                result.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(argon2.pooledBuffers()).isBetween(1, 2);
    }

    @Test
    void severalThreadsHashingAtOnceGetTheirOwnCorrectResults() throws Exception {
        PooledArgon2 argon2 = new PooledArgon2(4, 1024);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                byte[] password = ("password " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] salt = filled(16, i);
                int memory = i % 3 == 0 ? 2048 : 1024; // some beyond the pooled size, hashed in their own buffer
                int lanes = 1 + i % 2;
                byte[] expected = bouncyCastle(Type.ID, 0x13, 2, memory, lanes, password, salt, new byte[0],
                        new byte[0], 32);
                tasks.add(() -> Arrays.equals(hashId(argon2, memory, lanes, password, salt), expected));
            }
            for (Future<Boolean> result : threads.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static byte[] hashId(PooledArgon2 argon2, int memory, int lanes, byte[] password, byte[] salt) {
        return argon2.hash(Type.ID, PooledArgon2.VERSION_13, 2, memory, lanes, password, salt, new byte[0],
                new byte[0], 32);
    }

    private static byte[] rfcVector(Type type) {
        return new PooledArgon2(1, 32).hash(type, PooledArgon2.VERSION_13, 3, 32, 4, RFC_PASSWORD, RFC_SALT,
                RFC_SECRET, RFC_AD, 32);
    }

    static byte[] bouncyCastle(Type type, int version, int iterations, int memory, int lanes, byte[] password,
            byte[] salt, byte[] secret, byte[] ad, int length) {
        int bcType = switch (type) {
            case D -> Argon2Parameters.ARGON2_d;
            case I -> Argon2Parameters.ARGON2_i;
            case ID -> Argon2Parameters.ARGON2_id;
        };
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(bcType).withVersion(version).withIterations(iterations)
                .withMemoryAsKB(memory).withParallelism(lanes).withSalt(salt).withSecret(secret)
                .withAdditional(ad).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.clone(), out);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
