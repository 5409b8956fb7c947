package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What merging {@code source} into {@code target} would do now. Send {@code source_etag} in the merge's If-Match and
 * {@code target_etag} in its body: the merge is refused (412) if either account changes in between.
 *
 * @param possible             false when {@code conflicts} would refuse the merge
 * @param identitiesToMove     every legacy identity linked to the source: all move to the target
 * @param servicesToAdd        services the source used and the target did not: added to the target's list
 * @param relyingPartiesToTell client ids that know the source's {@code sub} and have an events endpoint: each is sent
 *                             a Security Event Token with the old and new {@code sub}
 * @param sourceKeeps          what stays with the source (unused while merged, given back by an undo)
 */
public record MergePreviewView(
        AccountSummary source,
        AccountSummary target,
        @JsonProperty("source_etag") String sourceEtag,
        @JsonProperty("target_etag") String targetEtag,
        boolean possible,
        List<ConflictView> conflicts,
        @JsonProperty("identities_to_move") List<LinkedIdentityView> identitiesToMove,
        @JsonProperty("services_to_add") List<String> servicesToAdd,
        @JsonProperty("relying_parties_to_tell") List<String> relyingPartiesToTell,
        @JsonProperty("source_keeps") List<String> sourceKeeps) {

    /** Why the merge would be refused: a name (such as {@code SOURCE_HOLDS_MERGES}) and what to do. */
    public record ConflictView(String conflict, String detail) {
    }
}
