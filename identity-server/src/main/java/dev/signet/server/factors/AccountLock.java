package dev.signet.server.factors;

import java.util.UUID;
import java.util.function.Supplier;

/** Runs work for one account while no other instance runs locked work for the same account. */
@FunctionalInterface
public interface AccountLock {

    <T> T whileLocked(UUID accountId, Supplier<T> work);
}
