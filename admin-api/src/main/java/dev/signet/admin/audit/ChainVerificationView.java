package dev.signet.admin.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.core.audit.ChainVerification;

/**
 * The result of checking the audit log's chain.
 *
 * @param status   {@code intact} or {@code broken}
 * @param entries  entries checked (intact)
 * @param headHash hash of the last entry (intact): keep it to prove later that nothing up to here changed
 * @param brokenAt seq of the first entry that fails (broken)
 * @param reason   what is wrong (broken)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerificationView(
        String status,
        Long entries,
        @JsonProperty("head_hash") String headHash,
        @JsonProperty("broken_at") Long brokenAt,
        String reason) {

    public static ChainVerificationView of(ChainVerification verification) {
        if (verification instanceof ChainVerification.Intact intact) {
            return new ChainVerificationView("intact", intact.entries(), intact.headHash(), null, null);
        }
        ChainVerification.Broken broken = (ChainVerification.Broken) verification;
        return new ChainVerificationView("broken", null, null, broken.seq(), broken.reason());
    }
}
