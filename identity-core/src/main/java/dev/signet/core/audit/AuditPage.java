package dev.signet.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of entries, newest first.
 *
 * @param entries    at most the requested number of entries
 * @param nextBefore pass as {@code before} to read the next (older) page; empty on the last page
 */
public record AuditPage(List<AuditEntry> entries, Optional<Long> nextBefore) {

    public AuditPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(nextBefore, "nextBefore");
    }
}
