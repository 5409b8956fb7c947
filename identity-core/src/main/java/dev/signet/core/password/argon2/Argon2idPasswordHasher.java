package dev.signet.core.password.argon2;

import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Argon2id (RFC 9106) with {@link PooledArgon2}, writing PHC strings. It also verifies Argon2i/Argon2d PHC strings, Argon2
 * version 0x10, other work factors and bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}), reporting
 * {@code needsRehash} for all of them so seeded and imported accounts move to the current parameters on their next
 * sign-in.
 *
 * <p>Passwords are normalised to Unicode NFKC before hashing (NIST SP 800-63B §3.1.1.2), so the same password typed
 * on different keyboards matches. A stored hash made from the raw, unnormalised text by another system still verifies
 * (and is then re-hashed).
 *
 * <p>Thread-safe and cheap to build. Each hash holds {@code memoryKiB} of memory while it runs, so at most
 * {@code maxConcurrentHashes} run at once; further callers wait, which costs no throughput because hashing is bound by
 * the CPU anyway. That many memory buffers of {@code cost.memoryKiB()} are kept and reused, so a sign-in allocates
 * no hash memory; a stored hash with a larger memory cost gets a buffer of its own, dropped after its check.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // bcrypt reads at most 72 bytes of key; every widespread implementation ignores the rest.
    private static final int BCRYPT_MAX_KEY_BYTES = 72;
    private static final byte[] NONE = new byte[0];

    private final Argon2Cost cost;
    private final SecureRandom random;
    private final Semaphore running;
    private final PooledArgon2 pooledArgon2;

    public Argon2idPasswordHasher(Argon2Cost cost, int maxConcurrentHashes) {
        this(cost, maxConcurrentHashes, new SecureRandom());
    }

    public Argon2idPasswordHasher(Argon2Cost cost, int maxConcurrentHashes, SecureRandom random) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
        }
        this.running = new Semaphore(maxConcurrentHashes);
        this.pooledArgon2 = new PooledArgon2(maxConcurrentHashes, cost.memoryKiB());
    }

    /** The parameters new hashes are made with. */
    public Argon2Cost cost() {
        return cost;
    }

    @Override
    public String hash(CharSequence password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(PooledArgon2.Type.ID, Argon2PhcString.VERSION_13, cost, salt,
                utf8(normalise(password)), HASH_BYTES);
        return new Argon2PhcString("argon2id", Argon2PhcString.VERSION_13, cost, salt, hash).format();
    }

    @Override
    public PasswordCheck verify(CharSequence password, String storedHash) {
        Objects.requireNonNull(password, "password");
        Optional<String> problem = StoredPasswordHashes.problem(storedHash);
        if (problem.isPresent()) {
            return new PasswordCheck.UnreadableHash(problem.get());
        }
        return BcryptString.looksLikeBcrypt(storedHash)
                ? verifyBcrypt(password, storedHash)
                : verifyArgon2(password, Argon2PhcString.parse(storedHash).hash().orElseThrow());
    }

    private PasswordCheck verifyArgon2(CharSequence password, Argon2PhcString stored) {
        PooledArgon2.Type type = switch (stored.type()) {
            case "argon2id" -> PooledArgon2.Type.ID;
            case "argon2i" -> PooledArgon2.Type.I;
            default -> PooledArgon2.Type.D;
        };
        String normalised = normalise(password);
        boolean current = stored.type().equals("argon2id") && stored.version() == Argon2PhcString.VERSION_13
                && stored.cost().equals(cost) && stored.salt().length >= SALT_BYTES
                && stored.hash().length == HASH_BYTES;
        if (argon2Matches(type, stored, utf8(normalised))) {
            return new PasswordCheck.Matches(!current);
        }
        // Another system may have hashed the raw text; a match there still needs a re-hash of the normalised form.
        if (!normalised.contentEquals(password) && argon2Matches(type, stored, utf8(password))) {
            return new PasswordCheck.Matches(true);
        }
        return new PasswordCheck.DoesNotMatch();
    }

    private boolean argon2Matches(PooledArgon2.Type type, Argon2PhcString stored, byte[] password) {
        byte[] computed = argon2(type, stored.version(), stored.cost(), stored.salt(), password,
                stored.hash().length);
        return MessageDigest.isEqual(computed, stored.hash());
    }

    private PasswordCheck verifyBcrypt(CharSequence password, String storedHash) {
        String normalised = normalise(password);
        if (bcryptMatches(storedHash, utf8(normalised))
                || (!normalised.contentEquals(password) && bcryptMatches(storedHash, utf8(password)))) {
            return new PasswordCheck.Matches(true);
        }
        return new PasswordCheck.DoesNotMatch();
    }

    private boolean bcryptMatches(String storedHash, byte[] password) {
        byte[] key = password.length > BCRYPT_MAX_KEY_BYTES ? Arrays.copyOf(password, BCRYPT_MAX_KEY_BYTES)
                : password;
        running.acquireUninterruptibly();
        try {
            // BouncyCastle compares the recomputed and stored hashes in constant time.
            return OpenBSDBCrypt.checkPassword(storedHash, key);
        } finally {
            running.release();
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] argon2(PooledArgon2.Type type, int version, Argon2Cost work, byte[] salt, byte[] password,
            int length) {
        running.acquireUninterruptibly();
        try {
            return pooledArgon2.hash(type, version, work.iterations(), work.memoryKiB(), work.parallelism(), password, salt,
                    NONE, NONE, length);
        } finally {
            running.release();
            Arrays.fill(password, (byte) 0);
        }
    }

    static String normalise(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private static byte[] utf8(CharSequence text) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
