package dev.signet.client;

import dev.signet.client.internal.InMemoryReplayCache;
import java.time.Instant;

/**
 * Remembers the {@code jti} of every logout token and security event token the service accepted, until the token
 * could no longer be accepted anyway, so that a captured token cannot be replayed.
 *
 * <p>The default, {@link #inMemory()}, protects one process. A service that runs several instances behind a load
 * balancer should share one cache between them, e.g. with Redis {@code SET key 1 NX PXAT <keepUntil>}: implement this
 * interface and pass it to {@link SignetClient.Builder#replayCache(ReplayCache)}. Implementations must be thread-safe
 * and atomic: two calls with the same id at the same moment must not both return {@code true}.
 */
@FunctionalInterface
public interface ReplayCache {

    /**
     * Records {@code id} as used until {@code keepUntil}.
     *
     * @param id the token's issuer and {@code jti}, already combined into one string by the client
     * @param keepUntil when the id may be forgotten (the token's expiry plus the allowed clock skew)
     * @return {@code true} the first time an id is seen, {@code false} when it was already recorded (a replay)
     */
    boolean firstUse(String id, Instant keepUntil);

    /** A cache in this process's memory, bounded to 100,000 ids (the oldest are forgotten first when full). */
    static ReplayCache inMemory() {
        return new InMemoryReplayCache(100_000);
    }
}
