package dev.signet.connector.remote.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code jti}s of requests already served, each kept until its request could no longer be accepted anyway
 * ({@code exp} plus the clock skew), so a captured request is refused if sent again. In memory: a connector run as
 * several instances behind a load balancer should pin Signet to one, or share a cache (see the protocol document).
 */
final class ReplayCache {

    private static final int PURGE_EVERY = 1024;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger insertions = new AtomicInteger();
    private final Clock clock;

    ReplayCache(Clock clock) {
        this.clock = clock;
    }

    /** {@code true} the first time {@code jti} is offered; {@code false} for every repeat before {@code keepUntil}. */
    boolean firstUse(String jti, Instant keepUntil) {
        if (insertions.incrementAndGet() % PURGE_EVERY == 0) {
            Instant now = clock.instant();
            seen.values().removeIf(until -> until.isBefore(now));
        }
        return seen.putIfAbsent(jti, keepUntil) == null;
    }
}
