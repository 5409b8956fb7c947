package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.admin.audit.AuditEntryView;
import java.util.List;

/**
 * One account as an operator views it: the account and its status, and its most recent sign-in events from the
 * audit log. (Linked identities, second factors and sessions join this view with the features that own them.)
 */
public record AccountView(
        AccountSummary account,
        @JsonProperty("recent_sign_ins") List<AuditEntryView> recentSignIns) {
}
