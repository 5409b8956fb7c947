package dev.signet.core.links;

import java.util.List;
import java.util.Objects;

/** What came of a request to unlink a legacy identity from an account. */
public sealed interface UnlinkOutcome {

    /** Unlinked; {@code relyingPartiesTold} will each receive a Security Event Token. */
    record Unlinked(LinkedIdentity removed, List<String> relyingPartiesTold) implements UnlinkOutcome {
        public Unlinked {
            Objects.requireNonNull(removed, "removed");
            relyingPartiesTold = List.copyOf(relyingPartiesTold);
        }
    }

    record AccountNotFound() implements UnlinkOutcome {
    }

    /** The legacy identity is not linked to this account. */
    record NotLinked() implements UnlinkOutcome {
    }

    /** The account changed since the version the caller read. */
    record Changed() implements UnlinkOutcome {
    }
}
