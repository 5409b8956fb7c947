package dev.signet.core.merge;

import dev.signet.core.account.AccountStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One merge of account {@code sourceAccountId} into {@code targetAccountId}, with exactly what it moved so that it can
 * be undone.
 *
 * @param sourcePreviousStatus the source's status before the merge, which an undo gives back
 * @param mergedBy             the actor, as {@code ActorType:id} (such as {@code OPERATOR:ops-jane})
 * @param identitiesMoved      the legacy identities moved to the target
 * @param servicesAdded        client ids of the services-used rows added to the target (those it had not used)
 * @param undoneAt             when the merge was undone, if it was
 */
public record AccountMerge(UUID id, UUID sourceAccountId, UUID targetAccountId, AccountStatus sourcePreviousStatus,
        Instant mergedAt, String mergedBy, String reason, List<MovedIdentity> identitiesMoved,
        List<String> servicesAdded, Optional<Instant> undoneAt) {

    public AccountMerge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceAccountId, "sourceAccountId");
        Objects.requireNonNull(targetAccountId, "targetAccountId");
        Objects.requireNonNull(sourcePreviousStatus, "sourcePreviousStatus");
        Objects.requireNonNull(mergedAt, "mergedAt");
        Objects.requireNonNull(mergedBy, "mergedBy");
        Objects.requireNonNull(reason, "reason");
        identitiesMoved = List.copyOf(identitiesMoved);
        servicesAdded = List.copyOf(servicesAdded);
        Objects.requireNonNull(undoneAt, "undoneAt");
    }

    public boolean undone() {
        return undoneAt.isPresent();
    }
}
