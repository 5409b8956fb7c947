package dev.signet.core.merge;

import dev.signet.core.account.Account;
import dev.signet.core.links.LinkedIdentity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What merging {@code source} into {@code target} would do now, without doing it.
 *
 * @param source               the account that would be merged away (empty when it does not exist)
 * @param target               the account it would be merged into (empty when it does not exist)
 * @param identitiesToMove     the source's linked legacy identities, all of which would move to the target
 * @param servicesToAdd        services the source has used and the target has not: added to the target's list
 * @param relyingPartiesToTell relying parties that know the source's {@code sub} and have an events endpoint: each
 *                             would be sent a Security Event Token with the old and new {@code sub}
 * @param conflicts            why the merge would be refused; empty when it would go ahead
 */
public record MergePreview(Optional<Account> source, Optional<Account> target, List<LinkedIdentity> identitiesToMove,
        List<String> servicesToAdd, List<String> relyingPartiesToTell, List<MergeConflict> conflicts) {

    public MergePreview {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        identitiesToMove = List.copyOf(identitiesToMove);
        servicesToAdd = List.copyOf(servicesToAdd);
        relyingPartiesToTell = List.copyOf(relyingPartiesToTell);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether the merge would go ahead now. */
    public boolean possible() {
        return conflicts.isEmpty();
    }
}
