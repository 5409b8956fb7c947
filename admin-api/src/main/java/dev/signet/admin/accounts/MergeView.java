package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.core.merge.AccountMerge;
import java.util.List;

/**
 * A merge as the admin API shows it: which account was merged into which, when, by whom ({@code OPERATOR:<sub>} or
 * {@code CITIZEN:<account id>}), why, the source's status before it (an undo gives it back), exactly which legacy
 * identities moved and which services were added to the target's list, and when it was undone, if it was.
 */
public record MergeView(
        String id,
        @JsonProperty("source_account_id") String sourceAccountId,
        @JsonProperty("target_account_id") String targetAccountId,
        @JsonProperty("merged_at") String mergedAt,
        @JsonProperty("merged_by") String mergedBy,
        String reason,
        @JsonProperty("source_previous_status") String sourcePreviousStatus,
        @JsonProperty("identities_moved") List<LinkedIdentityView> identitiesMoved,
        @JsonProperty("services_added") List<String> servicesAdded,
        @JsonProperty("undone_at") String undoneAt) {

    static MergeView of(AccountMerge merge) {
        return new MergeView(merge.id().toString(), merge.sourceAccountId().toString(),
                merge.targetAccountId().toString(), merge.mergedAt().toString(), merge.mergedBy(), merge.reason(),
                merge.sourcePreviousStatus().name(),
                merge.identitiesMoved().stream().map(LinkedIdentityView::of).toList(), merge.servicesAdded(),
                merge.undoneAt().map(Object::toString).orElse(null));
    }
}
