package dev.signet.admin.accounts;

import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.NotFoundException;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import java.util.UUID;

/** The first steps of every change to an account: it exists (else 404) and is the version the operator read. */
final class AccountVersions {

    private AccountVersions() {
    }

    /**
     * The account as it is now, checked against the request's {@code If-Match}.
     *
     * @throws NotFoundException                              404 when there is no such account
     * @throws dev.signet.admin.web.PreconditionException 428 without {@code If-Match}, 412 when it is stale
     */
    static Account asRead(AccountRepository accounts, UUID id, String ifMatch) {
        Account account = accounts.findById(id)
                .orElseThrow(() -> new NotFoundException("There is no account with id " + id + "."));
        EntityTags.requireMatch(ifMatch, EntityTags.of(account.updatedAt()));
        return account;
    }
}
