package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A link made or removed, and the account as it is now (the ETag is its new version).
 *
 * @param relyingPartiesTold for an unlink, the relying parties that will be sent a Security Event Token; empty for a
 *                           link (no event exists for it: a relying party sees new legacy subjects in its next tokens)
 */
public record LinkResult(
        @JsonProperty("linked_identity") LinkedIdentityView linkedIdentity,
        @JsonProperty("relying_parties_told") List<String> relyingPartiesTold,
        AccountSummary account) {
}
