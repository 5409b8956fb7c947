package dev.signet.core.events;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which relying parties have been given an account's {@code sub}: those are the ones to tell when the account is
 * merged or loses a legacy identity. Kept as long as the account exists (PostgreSQL, migration V87).
 */
public interface IssuedSubjects {

    /** The clients have been given the account's {@code sub} (in a token, or in a security event); idempotent. */
    void record(UUID accountId, Collection<String> clientIds);

    /** The client ids that have been given the account's {@code sub}, in order. */
    List<String> clientsThatKnow(UUID accountId);
}
