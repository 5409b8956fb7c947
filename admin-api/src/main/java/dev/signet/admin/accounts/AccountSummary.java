package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.core.account.Account;

/**
 * An account as search results show it. Never the password hash: only whether there is one.
 *
 * @param status ACTIVE, SUSPENDED, BLOCKED, PASSWORD_RESET_REQUIRED or MERGED
 */
public record AccountSummary(
        String id,
        String email,
        @JsonProperty("email_verified") boolean emailVerified,
        String status,
        @JsonProperty("has_password") boolean hasPassword,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    public static AccountSummary of(Account account) {
        return new AccountSummary(account.id().toString(), account.email(), account.emailVerified(),
                account.status().name(), account.passwordHash().isPresent(), account.createdAt().toString(),
                account.updatedAt().toString());
    }
}
