package dev.signet.core.links;

import java.util.Objects;
import java.util.UUID;

/** What came of an operator's request to link a legacy identity to an account. */
public sealed interface LinkOutcome {

    record Linked(LinkedIdentity link) implements LinkOutcome {
        public Linked {
            Objects.requireNonNull(link, "link");
        }
    }

    /** The legacy identity is already linked, to {@code accountId} (this account or another). */
    record AlreadyLinked(UUID accountId) implements LinkOutcome {
        public AlreadyLinked {
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    record AccountNotFound() implements LinkOutcome {
    }

    /** The account has been merged into another: link to that one. */
    record AccountMerged() implements LinkOutcome {
    }

    /** The account changed since the version the caller read. */
    record Changed() implements LinkOutcome {
    }
}
