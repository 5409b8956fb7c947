package dev.signet.core.account.jdbc;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped PostgreSQL advisory locks, one per account, for changes that span accounts (merges, undos,
 * operator links). Taken in one fixed order (the accounts' ids, sorted), so two changes touching the same two accounts
 * in opposite directions wait for each other instead of deadlocking. Released at commit or rollback.
 */
public final class AccountLocks {

    /** First key of the two-key lock form, so these locks share no key with single-key advisory locks elsewhere. */
    private static final int NAMESPACE = 0x5167_4d31;

    private AccountLocks() {
    }

    /** Locks the accounts, waiting for any other transaction that holds one; call inside a transaction. */
    public static void lock(JdbcClient jdbc, UUID... accountIds) {
        UUID[] ordered = Arrays.stream(accountIds).map(id -> Objects.requireNonNull(id, "accountId")).distinct()
                .sorted().toArray(UUID[]::new);
        for (UUID id : ordered) {
            // Two ids may share a hash: then the second lock is re-entrant, and the two accounts are simply serialised.
            jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(NAMESPACE, id.hashCode()).query().listOfRows();
        }
    }
}
