package dev.signet.core.notify;

import java.util.Objects;
import java.util.UUID;

/**
 * A claimed message to send to an account's owner.
 *
 * @param attempt which attempt this is, from 1
 */
public record AccountNotice(UUID id, UUID accountId, AccountNoticeKind kind, int attempt) {

    public AccountNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
    }
}
