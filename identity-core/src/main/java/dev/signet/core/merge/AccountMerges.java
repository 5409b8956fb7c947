package dev.signet.core.merge;

import dev.signet.core.audit.Initiator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merging one person's two Signet accounts into one, and undoing it (docs/account-merge.md). PostgreSQL adapter:
 * {@code jdbc.JdbcAccountMerges}.
 *
 * <p>A merge of the <em>source</em> into the <em>target</em>, in one transaction (joining the caller's, if any):
 * every legacy identity linked to the source moves to the target; services the source used and the target did not are
 * added to the target's "services you have used"; the source is marked {@code MERGED}, pointing at the target, and
 * can no longer sign in; the source's sessions are ended (session-ending outbox); every relying party that knew the
 * source's {@code sub} and has an events endpoint is sent a Security Event Token with the old and new {@code sub}
 * ({@code RelyingPartyEvents.accountsMerged}); both accounts get an audit entry. The target keeps its own email
 * address, password, second factors and passkeys; the source's stay on the source (unused while it is merged) so that
 * an undo gives the person back exactly what they had.
 *
 * <p>Merges and undos of the same accounts are serialised (advisory locks per account, taken in a fixed order, so two
 * merges in opposite directions cannot deadlock); the second sees the first's result.
 */
public interface AccountMerges {

    /** What a merge would do now, and why it would be refused if it would. Changes nothing. */
    MergePreview preview(UUID sourceAccountId, UUID targetAccountId);

    /** Merges, or refuses and changes nothing. */
    MergeOutcome merge(MergeRequest request);

    /**
     * Undoes the account's merge: the identities the merge moved that are still on the target go back to the source
     * (relying parties that knew the target are told each was unlinked from it), the services-used rows the merge
     * added to the target and not used since are removed, and the source gets its previous status back.
     *
     * @param sourceVersion when present, refused ({@link UndoOutcome.Changed}) unless the merged account is still at
     *                      this version
     */
    UndoOutcome undo(UUID sourceAccountId, Optional<Instant> sourceVersion, Initiator initiator);

    /** The merge that holds the account now, if it has been merged into another account (and not undone). */
    Optional<AccountMerge> activeMergeOf(UUID sourceAccountId);

    /** The merges into this account that have not been undone, oldest first. */
    List<AccountMerge> activeMergesInto(UUID targetAccountId);
}
