package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A merge undone: the merge record (with {@code undone_at}), the identities moved back to the source, those the merge
 * moved that were no longer on the target (left where they are), the relying parties told that the restored
 * identities were unlinked from the target, and both accounts as they are now (the ETag is the source's).
 */
public record UndoResult(
        MergeView merge,
        List<LinkedIdentityView> restored,
        @JsonProperty("not_restored") List<LinkedIdentityView> notRestored,
        @JsonProperty("relying_parties_told") List<String> relyingPartiesTold,
        AccountSummary source,
        AccountSummary target) {
}
