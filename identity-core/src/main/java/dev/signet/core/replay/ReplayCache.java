package dev.signet.core.replay;

import java.time.Instant;

/**
 * Remembers one-time identifiers (a JWT's {@code jti}, a request object's {@code jti}) until they expire, so a value
 * captured in transit cannot be used twice. Shared by every identity-server instance when Redis is configured.
 */
public interface ReplayCache {

    /**
     * Records {@code id} in {@code namespace} until {@code expiresAt}.
     *
     * @return true the first time this id is seen in this namespace before it expires; false for a replay (also when
     *         two callers race with the same id: exactly one of them gets true)
     */
    boolean firstUse(String namespace, String id, Instant expiresAt);
}
