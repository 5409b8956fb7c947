package dev.signet.core.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A change to who a citizen is that the relying parties which know them must hear about. Accounts are named by their
 * internal ids here; each relying party is told its own {@code sub} for them when the token is signed.
 */
public sealed interface AccountEvent {

    /** The account whose {@code sub} the relying parties to tell must have been given. */
    UUID affectedAccountId();

    /** Two accounts of one person became one: {@code fromAccountId} was merged into {@code toAccountId}. */
    record AccountsMerged(UUID fromAccountId, UUID toAccountId) implements AccountEvent {
        public AccountsMerged {
            Objects.requireNonNull(fromAccountId, "fromAccountId");
            Objects.requireNonNull(toAccountId, "toAccountId");
            if (fromAccountId.equals(toAccountId)) {
                throw new IllegalArgumentException("an account cannot be merged into itself");
            }
        }

        @Override
        public UUID affectedAccountId() {
            return fromAccountId;
        }
    }

    /** The legacy identity ({@code connectorId}, {@code legacySubject}) is no longer linked to the account. */
    record LegacyIdentityUnlinked(UUID accountId, String connectorId, String legacySubject) implements AccountEvent {
        public LegacyIdentityUnlinked {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(connectorId, "connectorId");
            Objects.requireNonNull(legacySubject, "legacySubject");
        }

        @Override
        public UUID affectedAccountId() {
            return accountId;
        }
    }
}
