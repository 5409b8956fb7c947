package dev.signet.core.password.argon2;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2 (RFC 9106: types d, i and id; versions 0x10 and 0x13) filling one flat {@code long[]} of memory per hash, the
 * buffers reused across hashes. A hash at Signet's cost touches 19 MiB; allocating it afresh for every sign-in (as
 * BouncyCastle's generator does, in 1 KiB block objects) costs more garbage-collection time than the hash itself.
 *
 * <p>At most {@code maxPooledBuffers} buffers of {@code pooledMemoryKiB} are kept; the caller bounds how many hashes
 * run at once. A hash that asks for more memory than that (a stored hash imported with an attacker-chosen cost) gets
 * a buffer of its own, which is dropped afterwards. Every buffer is zeroed after use: it holds password-derived
 * material. Only BLAKE2b (H, and H' built on it here) comes from BouncyCastle.
 */
public final class PooledArgon2 {

    /** Argon2 variants, numbered as in RFC 9106 (the y of H0). */
    public enum Type {
        D(0), I(1), ID(2);

        private final int code;

        Type(int code) {
            this.code = code;
        }
    }

    public static final int VERSION_10 = 0x10;
    public static final int VERSION_13 = 0x13;

    private static final int BLOCK_LONGS = 128; // 1 KiB
    private static final int SYNC_POINTS = 4;    // slices per pass

    private final int maxPooledBuffers;
    private final int pooledBlocks;
    private final ArrayDeque<long[]> pool = new ArrayDeque<>();

    public PooledArgon2(int maxPooledBuffers, int pooledMemoryKiB) {
        if (maxPooledBuffers < 0 || pooledMemoryKiB < 8) {
            throw new IllegalArgumentException("at least 8 KiB per buffer and no negative count of buffers");
        }
        this.maxPooledBuffers = maxPooledBuffers;
        this.pooledBlocks = pooledMemoryKiB;
    }

    /**
     * The Argon2 tag of {@code password}.
     *
     * @param secret         K, the optional key (empty when none)
     * @param associatedData X, the optional associated data (empty when none)
     */
    public byte[] hash(Type type, int version, int iterations, int memoryKiB, int parallelism, byte[] password,
            byte[] salt, byte[] secret, byte[] associatedData, int tagLength) {
        Objects.requireNonNull(type, "type");
        if (version != VERSION_10 && version != VERSION_13) {
            throw new IllegalArgumentException("Argon2 version must be 0x10 or 0x13");
        }
        // The memory must fit one Java array (16 GiB); Argon2Cost keeps stored hashes far below that.
        if (parallelism < 1 || parallelism > 0xFFFFFF || iterations < 1 || memoryKiB < 8 * parallelism
                || memoryKiB > Integer.MAX_VALUE / BLOCK_LONGS || tagLength < 4 || salt.length < 8) {
            throw new IllegalArgumentException("Argon2 parameters outside RFC 9106's ranges");
        }
        byte[] h0 = initialHash(type, version, iterations, memoryKiB, parallelism, password, salt, secret,
                associatedData, tagLength);
        // m' = 4p * floor(m / 4p): whole segments in every lane.
        int segmentLength = memoryKiB / (SYNC_POINTS * parallelism);
        int blocks = segmentLength * SYNC_POINTS * parallelism;
        long[] memory = take(blocks);
        try {
            new Fill(memory, type, version, iterations, blocks, parallelism, segmentLength).run(h0);
            long[] last = new long[BLOCK_LONGS];
            int laneLength = segmentLength * SYNC_POINTS;
            for (int lane = 0; lane < parallelism; lane++) {
                int offset = (lane * laneLength + laneLength - 1) * BLOCK_LONGS;
                for (int i = 0; i < BLOCK_LONGS; i++) {
                    last[i] ^= memory[offset + i];
                }
            }
            byte[] lastBytes = toBytes(last);
            Arrays.fill(last, 0L);
            byte[] tag = variableLengthHash(tagLength, lastBytes);
            Arrays.fill(lastBytes, (byte) 0);
            return tag;
        } finally {
            Arrays.fill(memory, 0, blocks * BLOCK_LONGS, 0L);
            Arrays.fill(h0, (byte) 0);
            giveBack(memory);
        }
    }

    /** How many buffers are pooled now (for tests). */
    synchronized int pooledBuffers() {
        return pool.size();
    }

    /** Whether every pooled buffer holds only zeros, as it must between hashes (for tests). */
    synchronized boolean pooledBuffersAreZeroed() {
        return pool.stream().allMatch(buffer -> Arrays.stream(buffer).allMatch(word -> word == 0L));
    }

    private long[] take(int blocks) {
        if (blocks > pooledBlocks) {
            return new long[blocks * BLOCK_LONGS]; // an unusual cost: used once, not kept
        }
        long[] pooled;
        synchronized (this) {
            pooled = pool.pollFirst();
        }
        return pooled != null ? pooled : new long[pooledBlocks * BLOCK_LONGS];
    }

    private void giveBack(long[] memory) {
        if (memory.length != pooledBlocks * BLOCK_LONGS) {
            return;
        }
        synchronized (this) {
            if (pool.size() < maxPooledBuffers) {
                pool.addFirst(memory);
            }
        }
    }

    private static byte[] initialHash(Type type, int version, int iterations, int memoryKiB, int parallelism,
            byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int tagLength) {
        Blake2bDigest h = new Blake2bDigest(512);
        int[] header = {parallelism, tagLength, memoryKiB, iterations, version, type.code};
        for (int value : header) {
            update32(h, value);
        }
        for (byte[] field : new byte[][] {password, salt, secret, associatedData}) {
            update32(h, field.length);
            h.update(field, 0, field.length);
        }
        byte[] h0 = new byte[64];
        h.doFinal(h0, 0);
        return h0;
    }

    /** H' of RFC 9106 section 3.3: a BLAKE2b-based hash of any output length. */
    static byte[] variableLengthHash(int length, byte[] input) {
        byte[] out = new byte[length];
        if (length <= 64) {
            Blake2bDigest h = new Blake2bDigest(length * 8);
            update32(h, length);
            h.update(input, 0, input.length);
            h.doFinal(out, 0);
            return out;
        }
        int r = (length + 31) / 32 - 2;
        byte[] v = new byte[64];
        Blake2bDigest h = new Blake2bDigest(512);
        update32(h, length);
        h.update(input, 0, input.length);
        h.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        for (int i = 2; i <= r; i++) {
            h.update(v, 0, 64);
            h.doFinal(v, 0); // doFinal resets the digest for the next V
            System.arraycopy(v, 0, out, (i - 1) * 32, 32);
        }
        int lastLength = length - 32 * r;
        Blake2bDigest lastHash = new Blake2bDigest(lastLength * 8);
        lastHash.update(v, 0, 64);
        lastHash.doFinal(out, 32 * r);
        Arrays.fill(v, (byte) 0);
        return out;
    }

    private static void update32(Blake2bDigest h, int value) {
        h.update((byte) value);
        h.update((byte) (value >>> 8));
        h.update((byte) (value >>> 16));
        h.update((byte) (value >>> 24));
    }

    private static byte[] toBytes(long[] block) {
        byte[] bytes = new byte[block.length * 8];
        for (int i = 0; i < block.length; i++) {
            long value = block[i];
            for (int b = 0; b < 8; b++) {
                bytes[i * 8 + b] = (byte) (value >>> (8 * b));
            }
        }
        return bytes;
    }

    private static void fromBytes(byte[] bytes, long[] memory, int offset) {
        for (int i = 0; i < BLOCK_LONGS; i++) {
            long value = 0;
            for (int b = 7; b >= 0; b--) {
                value = (value << 8) | (bytes[i * 8 + b] & 0xFF);
            }
            memory[offset + i] = value;
        }
    }

    /** One hash's pass over the memory: its parameters and scratch blocks. */
    private static final class Fill {

        private final long[] memory;
        private final Type type;
        private final int version;
        private final int iterations;
        private final int blocks;
        private final int lanes;
        private final int segmentLength;
        private final int laneLength;
        private final long[] r = new long[BLOCK_LONGS];
        private final long[] q = new long[BLOCK_LONGS];
        private final long[] zero = new long[BLOCK_LONGS];
        private final long[] addressInput = new long[BLOCK_LONGS];
        private final long[] addresses = new long[BLOCK_LONGS];

        Fill(long[] memory, Type type, int version, int iterations, int blocks, int lanes, int segmentLength) {
            this.memory = memory;
            this.type = type;
            this.version = version;
            this.iterations = iterations;
            this.blocks = blocks;
            this.lanes = lanes;
            this.segmentLength = segmentLength;
            this.laneLength = segmentLength * SYNC_POINTS;
        }

        void run(byte[] h0) {
            byte[] seed = Arrays.copyOf(h0, 72);
            for (int lane = 0; lane < lanes; lane++) {
                for (int column = 0; column < 2; column++) {
                    writeLittleEndian(seed, 64, column);
                    writeLittleEndian(seed, 68, lane);
                    byte[] block = variableLengthHash(1024, seed);
                    fromBytes(block, memory, (lane * laneLength + column) * BLOCK_LONGS);
                    Arrays.fill(block, (byte) 0);
                }
            }
            Arrays.fill(seed, (byte) 0);
            try {
                for (int pass = 0; pass < iterations; pass++) {
                    for (int slice = 0; slice < SYNC_POINTS; slice++) {
                        // Lanes of one slice only read other lanes' finished slices, so in turn equals in parallel.
                        for (int lane = 0; lane < lanes; lane++) {
                            fillSegment(pass, slice, lane);
                        }
                    }
                }
            } finally {
                Arrays.fill(r, 0L);
                Arrays.fill(q, 0L);
                Arrays.fill(addresses, 0L);
            }
        }

        private void fillSegment(int pass, int slice, int lane) {
            boolean dataIndependent = type == Type.I || (type == Type.ID && pass == 0 && slice < SYNC_POINTS / 2);
            int start = pass == 0 && slice == 0 ? 2 : 0;
            if (dataIndependent) {
                Arrays.fill(addressInput, 0L);
                addressInput[0] = pass;
                addressInput[1] = lane;
                addressInput[2] = slice;
                addressInput[3] = blocks;
                addressInput[4] = iterations;
                addressInput[5] = type.code;
                if (start == 2) {
                    nextAddresses();
                }
            }
            int current = lane * laneLength + slice * segmentLength + start;
            boolean overwrite = pass == 0 || version == VERSION_10;
            for (int index = start; index < segmentLength; index++, current++) {
                // The first block of a lane (in later passes) follows the lane's last block.
                int previous = slice == 0 && index == 0 ? current + laneLength - 1 : current - 1;
                long pseudoRandom;
                if (dataIndependent) {
                    if (index % BLOCK_LONGS == 0) {
                        nextAddresses();
                    }
                    pseudoRandom = addresses[index % BLOCK_LONGS];
                } else {
                    pseudoRandom = memory[previous * BLOCK_LONGS];
                }
                int referenceLane = lanes == 1 || (pass == 0 && slice == 0) ? lane
                        : (int) ((pseudoRandom >>> 32) % lanes);
                int referenceIndex = referenceIndex(pass, slice, index, pseudoRandom & 0xFFFFFFFFL,
                        referenceLane == lane);
                compress(memory, previous * BLOCK_LONGS, memory,
                        (referenceLane * laneLength + referenceIndex) * BLOCK_LONGS, memory, current * BLOCK_LONGS,
                        !overwrite);
            }
        }

        /** RFC 9106 section 3.4.1.2: maps J1 onto the blocks this one may reference. */
        private int referenceIndex(int pass, int slice, int index, long j1, boolean sameLane) {
            long areaSize;
            if (pass == 0) {
                if (slice == 0 || sameLane) {
                    areaSize = (long) slice * segmentLength + index - 1;
                } else {
                    areaSize = (long) slice * segmentLength + (index == 0 ? -1 : 0);
                }
            } else {
                areaSize = sameLane ? laneLength - segmentLength + index - 1
                        : laneLength - segmentLength + (index == 0 ? -1 : 0);
            }
            long x = (j1 * j1) >>> 32;
            long y = (areaSize * x) >>> 32;
            long relative = areaSize - 1 - y;
            long startPosition = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segmentLength;
            long position = startPosition + relative; // below 2 × laneLength: a subtraction replaces the modulo
            return (int) (position >= laneLength ? position - laneLength : position);
        }

        private void nextAddresses() {
            addressInput[6]++;
            compress(zero, 0, addressInput, 0, addresses, 0, false);
            compress(zero, 0, addresses, 0, addresses, 0, false);
        }

        /** G of RFC 9106 section 3.5: out = P(x ^ y) ^ x ^ y, or out ^= that when {@code xorIntoOut}. */
        private void compress(long[] xs, int x, long[] ys, int y, long[] outs, int out, boolean xorIntoOut) {
            for (int i = 0; i < BLOCK_LONGS; i++) {
                long value = xs[x + i] ^ ys[y + i];
                r[i] = value;
                q[i] = xorIntoOut ? value ^ outs[out + i] : value;
            }
            for (int row = 0; row < 8; row++) {
                int b = row * 16;
                permute(r, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12,
                        b + 13, b + 14, b + 15);
            }
            for (int column = 0; column < 8; column++) {
                int b = column * 2;
                permute(r, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81,
                        b + 96, b + 97, b + 112, b + 113);
            }
            for (int i = 0; i < BLOCK_LONGS; i++) {
                outs[out + i] = r[i] ^ q[i];
            }
        }

        /** P of RFC 9106 section 3.6 on sixteen 64-bit words of the block. */
        private static void permute(long[] v, int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7, int i8,
                int i9, int i10, int i11, int i12, int i13, int i14, int i15) {
            long v0 = v[i0], v1 = v[i1], v2 = v[i2], v3 = v[i3], v4 = v[i4], v5 = v[i5], v6 = v[i6], v7 = v[i7];
            long v8 = v[i8], v9 = v[i9], v10 = v[i10], v11 = v[i11], v12 = v[i12], v13 = v[i13], v14 = v[i14];
            long v15 = v[i15];

            // GB(v0, v4, v8, v12)
            v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
            v12 = Long.rotateRight(v12 ^ v0, 32);
            v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
            v4 = Long.rotateRight(v4 ^ v8, 24);
            v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
            v12 = Long.rotateRight(v12 ^ v0, 16);
            v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
            v4 = Long.rotateRight(v4 ^ v8, 63);
            // GB(v1, v5, v9, v13)
            v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
            v13 = Long.rotateRight(v13 ^ v1, 32);
            v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
            v5 = Long.rotateRight(v5 ^ v9, 24);
            v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
            v13 = Long.rotateRight(v13 ^ v1, 16);
            v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
            v5 = Long.rotateRight(v5 ^ v9, 63);
            // GB(v2, v6, v10, v14)
            v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
            v14 = Long.rotateRight(v14 ^ v2, 32);
            v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
            v6 = Long.rotateRight(v6 ^ v10, 24);
            v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
            v14 = Long.rotateRight(v14 ^ v2, 16);
            v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
            v6 = Long.rotateRight(v6 ^ v10, 63);
            // GB(v3, v7, v11, v15)
            v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
            v15 = Long.rotateRight(v15 ^ v3, 32);
            v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
            v7 = Long.rotateRight(v7 ^ v11, 24);
            v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
            v15 = Long.rotateRight(v15 ^ v3, 16);
            v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
            v7 = Long.rotateRight(v7 ^ v11, 63);
            // GB(v0, v5, v10, v15)
            v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
            v15 = Long.rotateRight(v15 ^ v0, 32);
            v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
            v5 = Long.rotateRight(v5 ^ v10, 24);
            v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
            v15 = Long.rotateRight(v15 ^ v0, 16);
            v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
            v5 = Long.rotateRight(v5 ^ v10, 63);
            // GB(v1, v6, v11, v12)
            v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
            v12 = Long.rotateRight(v12 ^ v1, 32);
            v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
            v6 = Long.rotateRight(v6 ^ v11, 24);
            v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
            v12 = Long.rotateRight(v12 ^ v1, 16);
            v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
            v6 = Long.rotateRight(v6 ^ v11, 63);
            // GB(v2, v7, v8, v13)
            v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
            v13 = Long.rotateRight(v13 ^ v2, 32);
            v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
            v7 = Long.rotateRight(v7 ^ v8, 24);
            v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
            v13 = Long.rotateRight(v13 ^ v2, 16);
            v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
            v7 = Long.rotateRight(v7 ^ v8, 63);
            // GB(v3, v4, v9, v14)
            v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
            v14 = Long.rotateRight(v14 ^ v3, 32);
            v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
            v4 = Long.rotateRight(v4 ^ v9, 24);
            v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
            v14 = Long.rotateRight(v14 ^ v3, 16);
            v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
            v4 = Long.rotateRight(v4 ^ v9, 63);

            v[i0] = v0; v[i1] = v1; v[i2] = v2; v[i3] = v3; v[i4] = v4; v[i5] = v5; v[i6] = v6; v[i7] = v7;
            v[i8] = v8; v[i9] = v9; v[i10] = v10; v[i11] = v11; v[i12] = v12; v[i13] = v13; v[i14] = v14;
            v[i15] = v15;
        }

        private static void writeLittleEndian(byte[] bytes, int offset, int value) {
            bytes[offset] = (byte) value;
            bytes[offset + 1] = (byte) (value >>> 8);
            bytes[offset + 2] = (byte) (value >>> 16);
            bytes[offset + 3] = (byte) (value >>> 24);
        }
    }
}
