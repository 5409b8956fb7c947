package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.admin.audit.AuditEntryView;
import dev.signet.core.account.Account;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.passkey.Passkey;
import java.util.List;

/**
 * Everything Signet holds about one account, as an erasure hands it over before deleting it: the account, its second
 * factors and passkeys as facts (never secrets: no password hash, authenticator-app secret, recovery code or passkey
 * public key), how many recovery codes were unused, and every audit entry that concerns the account (those stay in
 * the append-only log after the erasure, naming the account by its id only).
 */
public record AccountExport(
        @JsonProperty("exported_at") String exportedAt,
        AccountSummary account,
        @JsonProperty("second_factors") List<Factor> secondFactors,
        @JsonProperty("unused_recovery_codes") int unusedRecoveryCodes,
        List<PasskeyFact> passkeys,
        @JsonProperty("audit_entries") List<AuditEntryView> auditEntries) {

    /** A second factor as exported: unlike the account view, the whole phone number (it is the citizen's data). */
    public record Factor(String kind, @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("created_at") String createdAt) {

        static Factor of(SecondFactor factor) {
            return new Factor(factor.method().name(), factor.phoneNumber().orElse(null),
                    factor.createdAt().toString());
        }
    }

    /** A passkey's public facts. */
    public record PasskeyFact(String name, @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_used_at") String lastUsedAt, boolean synced) {

        static PasskeyFact of(Passkey passkey) {
            return new PasskeyFact(passkey.label(), passkey.createdAt().toString(),
                    passkey.lastUsedAt().map(Object::toString).orElse(null), passkey.backupState());
        }
    }

    static AccountExport of(java.time.Instant at, Account account, List<SecondFactor> factors, int unusedCodes,
            List<Passkey> passkeys, List<AuditEntryView> auditEntries) {
        return new AccountExport(at.toString(), AccountSummary.of(account),
                factors.stream().map(Factor::of).toList(), unusedCodes,
                passkeys.stream().map(PasskeyFact::of).toList(), auditEntries);
    }
}
