package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A merge done: the merge record, the relying parties that will be sent a Security Event Token, and both accounts as
 * they are now (the response's ETag is the source's).
 */
public record MergeResult(
        MergeView merge,
        @JsonProperty("relying_parties_told") List<String> relyingPartiesTold,
        AccountSummary source,
        AccountSummary target) {
}
