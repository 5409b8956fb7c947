package dev.signet.core.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Storage port of the append-only, hash-chained audit log (see {@link AuditChain} for the chain format and
 * {@code jdbc.JdbcAuditLog} for the PostgreSQL adapter). Entries are never changed or removed.
 */
public interface AuditLog {

    /** Appends one event at the end of the chain and returns it as written. */
    default AuditEntry append(AuditEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * Appends events in order, as consecutive entries, atomically: all are written or none. Safe to call from
     * several threads and several processes at once: the chain stays one line.
     */
    List<AuditEntry> appendAll(List<AuditEvent> events);

    /**
     * Entries matching the filter, newest (highest seq) first.
     *
     * @param before only entries with a seq below this (the previous page's {@link AuditPage#nextBefore()})
     * @param limit  at most this many entries (1 to 1000)
     */
    AuditPage find(AuditFilter filter, Optional<Long> before, int limit);

    /** Every entry matching the filter, oldest first, handed one at a time (for exports of any size). */
    void forEach(AuditFilter filter, Consumer<AuditEntry> consumer);

    /** Checks the whole chain and reports the first broken link. */
    ChainVerification verify();
}
