package dev.signet.core.sessions;

import java.util.List;
import java.util.UUID;

/**
 * Read-only view of the live Signet sessions of an account, from the store identity-server keeps them in, for
 * services other than identity-server (the admin API). Only the shared store (Redis) can be read this way: sessions
 * held in one identity-server process's memory (the embedded default) cannot, and then no directory exists.
 */
public interface AccountSessionDirectory {

    /** The account's live, signed-in sessions, most recently active first. */
    List<AccountSession> findByAccount(UUID accountId);
}
