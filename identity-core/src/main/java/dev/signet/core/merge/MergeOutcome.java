package dev.signet.core.merge;

import java.util.List;
import java.util.Objects;

/** What came of a merge request. */
public sealed interface MergeOutcome {

    /** Done and committed; {@code relyingPartiesTold} will each receive a Security Event Token. */
    record Merged(AccountMerge merge, List<String> relyingPartiesTold) implements MergeOutcome {
        public Merged {
            Objects.requireNonNull(merge, "merge");
            relyingPartiesTold = List.copyOf(relyingPartiesTold);
        }
    }

    /** Nothing was changed. */
    record Refused(MergeConflict conflict) implements MergeOutcome {
        public Refused {
            Objects.requireNonNull(conflict, "conflict");
        }
    }
}
