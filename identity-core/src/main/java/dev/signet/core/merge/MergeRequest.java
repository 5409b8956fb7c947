package dev.signet.core.merge;

import dev.signet.core.audit.Initiator;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Merge account {@code sourceAccountId} into {@code targetAccountId}.
 *
 * @param sourceVersion when present, the merge is refused ({@link MergeConflict#SOURCE_CHANGED}) unless the source
 *                      is still at this version (its {@code updatedAt} as the caller read it); an operator's ETag
 * @param targetVersion the same for the target
 * @param initiator     who asks and why, for the audit log
 */
public record MergeRequest(UUID sourceAccountId, UUID targetAccountId, Optional<Instant> sourceVersion,
        Optional<Instant> targetVersion, Initiator initiator) {

    public MergeRequest {
        Objects.requireNonNull(sourceAccountId, "sourceAccountId");
        Objects.requireNonNull(targetAccountId, "targetAccountId");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        Objects.requireNonNull(targetVersion, "targetVersion");
        Objects.requireNonNull(initiator, "initiator");
    }

    /** A merge whatever the accounts' versions: for a citizen who has just proven control of both. */
    public static MergeRequest of(UUID sourceAccountId, UUID targetAccountId, Initiator initiator) {
        return new MergeRequest(sourceAccountId, targetAccountId, Optional.empty(), Optional.empty(), initiator);
    }
}
