package dev.signet.core.merge;

import dev.signet.core.links.LinkedIdentity;
import java.util.List;
import java.util.Objects;

/** What came of undoing an account's merge. */
public sealed interface UndoOutcome {

    /**
     * The source is back in use with its previous status.
     *
     * @param restored           the identities moved back to the source
     * @param notRestored        identities the merge moved that are no longer on the target (unlinked or moved since):
     *                           left where they are
     * @param relyingPartiesTold relying parties that knew the target, told that each restored identity was unlinked
     *                           from it
     */
    record Undone(AccountMerge merge, List<LinkedIdentity> restored, List<MovedIdentity> notRestored,
            List<String> relyingPartiesTold) implements UndoOutcome {
        public Undone {
            Objects.requireNonNull(merge, "merge");
            restored = List.copyOf(restored);
            notRestored = List.copyOf(notRestored);
            relyingPartiesTold = List.copyOf(relyingPartiesTold);
        }
    }

    /** There is no such account. */
    record AccountNotFound() implements UndoOutcome {
    }

    /** The account is not merged into another (never was, or the merge was undone already). */
    record NotMerged() implements UndoOutcome {
    }

    /** The account changed since the version the caller read. */
    record Changed() implements UndoOutcome {
    }
}
