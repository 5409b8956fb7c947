package dev.signet.bench.micro;

import com.password4j.Argon2Function;
import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import dev.signet.core.password.argon2.PooledArgon2;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The same Argon2id hash (version 1.3, 32-byte output, 16-byte salt) by four implementations: BouncyCastle's
 * generator (what Signet used), Password4j (pure Java), argon2-jvm (the reference C library through JNA, its binary
 * shipped in the jar) and Signet's {@link PooledArgon2} (one flat buffer, reused). A sign-in is one such hash, so the fastest correct one sets the floor of a sign-in's CPU. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar Argon2ImplementationsBenchmark}; on a shared machine, where
 * wall time measures the other tenants, {@link #main} reports the CPU time of the hashing thread instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Argon2ImplementationsBenchmark {

    static final int HASH_LENGTH = 32;

    @Param({"t=5,m=7168,p=1", "t=2,m=19456,p=1"})
    public String parameters;

    private Argon2Hash bouncyCastle;
    private Argon2Hash password4j;
    private Argon2Hash nativeReference;
    private Argon2Hash pooled;
    private byte[] password;

    @Setup
    public void setUp() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Cost cost = Cost.parse(parameters);
        bouncyCastle = bouncyCastle(cost, salt);
        password4j = password4j(cost, salt);
        nativeReference = nativeReference(cost, salt);
        pooled = pooled(cost, salt);
        password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] bouncyCastle() {
        return bouncyCastle.hash(password);
    }

    @Benchmark
    public byte[] password4j() {
        return password4j.hash(password);
    }

    @Benchmark
    public byte[] nativeReference() {
        return nativeReference.hash(password);
    }

    @Benchmark
    public byte[] pooled() {
        return pooled.hash(password);
    }

    /**
     * CPU milliseconds per hash of each implementation, by the hashing thread's own CPU time, which waiting for a core
     * does not inflate: {@code java -cp benchmarks/target/benchmarks.jar
     * dev.signet.bench.micro.Argon2ImplementationsBenchmark [hashes per round]}.
     */
    public static void main(String[] args) {
        int hashes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        for (String parameters : new String[] {"t=5,m=7168,p=1", "t=2,m=19456,p=1"}) {
            Cost cost = Cost.parse(parameters);
            Map<String, Argon2Hash> implementations = new LinkedHashMap<>();
            implementations.put("bouncyCastle", bouncyCastle(cost, salt));
            implementations.put("password4j", password4j(cost, salt));
            implementations.put("nativeReference", nativeReference(cost, salt));
            implementations.put("pooled", pooled(cost, salt));
            Map<String, List<Double>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < 4; round++) { // round 0 warms up; rounds alternate between implementations
                for (Map.Entry<String, Argon2Hash> implementation : implementations.entrySet()) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < hashes; i++) {
                        implementation.getValue().hash(password);
                    }
                    double perHash = (threads.getCurrentThreadCpuTime() - start) / 1e6 / hashes;
                    if (round > 0) {
                        rounds.computeIfAbsent(implementation.getKey(), name -> new ArrayList<>()).add(perHash);
                    }
                }
            }
            rounds.forEach((name, perHash) -> System.out.printf("%-16s %-16s CPU ms per hash: min %.1f, rounds %s%n",
                    parameters, name, perHash.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    perHash.stream().map(ms -> String.format("%.1f", ms)).toList()));
            for (String name : List.of("bouncyCastle", "pooled")) {
                printAllocationAndGc(parameters, name, implementations.get(name), password);
            }
        }
    }

    /**
     * Bytes the hashing thread allocates per hash, the collectors' pause time over 200 hashes (one hash is a sign-in's
     * worth of garbage) and the CPU per hash of the hashing thread and of the whole JVM, whose GC threads do the
     * collecting. A heap is sized with -Xmx on the command line; the GC time depends on it.
     */
    private static void printAllocationAndGc(String parameters, String name, Argon2Hash implementation,
            byte[] password) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        int loop = 200;
        System.gc();
        long gcMillis = gcMillis();
        long gcCount = gcCount();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long processCpu = process.getProcessCpuTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < loop; i++) {
            implementation.hash(password);
        }
        double cpuPerHash = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / loop;
        double processCpuPerHash = (process.getProcessCpuTime() - processCpu) / 1e6 / loop;
        double allocatedPerHash = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) loop;
        System.out.printf("%-16s %-16s %d hashes: allocated %.1f KiB per hash, GC %d ms in %d collections, "
                + "CPU per hash: hashing thread %.1f ms, whole JVM (with the collector's threads) %.1f ms%n", parameters,
                name, loop, allocatedPerHash / 1024, gcMillis() - gcMillis, gcCount() - gcCount, cpuPerHash,
                processCpuPerHash);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** One Argon2id hash of a password with fixed cost and salt. */
    interface Argon2Hash {
        byte[] hash(byte[] password);
    }

    /** {@code t=<iterations>,m=<KiB>,p=<lanes>}. */
    record Cost(int iterations, int memoryKib, int lanes) {

        static Cost parse(String text) {
            Argon2Parameters parsed = PasswordHashingBenchmark.argon2id(text, new byte[16]);
            return new Cost(parsed.getIterations(), parsed.getMemory(), parsed.getLanes());
        }
    }

    static Argon2Hash bouncyCastle(Cost cost, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withIterations(cost.iterations())
                .withMemoryAsKB(cost.memoryKib()).withParallelism(cost.lanes()).withSalt(salt).build();
        return password -> {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] hash = new byte[HASH_LENGTH];
            generator.generateBytes(password, hash);
            return hash;
        };
    }

    static Argon2Hash pooled(Cost cost, byte[] salt) {
        PooledArgon2 argon2 = new PooledArgon2(1, cost.memoryKib());
        byte[] none = new byte[0];
        return password -> argon2.hash(PooledArgon2.Type.ID, PooledArgon2.VERSION_13, cost.iterations(),
                cost.memoryKib(), cost.lanes(), password, salt, none, none, HASH_LENGTH);
    }

    static Argon2Hash password4j(Cost cost, byte[] salt) {
        Argon2Function function = Argon2Function.getInstance(cost.memoryKib(), cost.iterations(), cost.lanes(),
                HASH_LENGTH, com.password4j.types.Argon2.ID, 0x13);
        return password -> function.hash(password, salt).getBytes();
    }

    static Argon2Hash nativeReference(Cost cost, byte[] salt) {
        Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, salt.length,
                HASH_LENGTH);
        return password -> argon2.rawHash(cost.iterations(), cost.memoryKib(), cost.lanes(), password, salt);
    }
}
