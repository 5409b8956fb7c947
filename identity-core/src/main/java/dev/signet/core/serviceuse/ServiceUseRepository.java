package dev.signet.core.serviceuse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Storage port for the services each citizen has signed in to. PostgreSQL is the store of record
 * ({@code jdbc.JdbcServiceUseRepository}); rows go when the account is deleted.
 */
public interface ServiceUseRepository {

    /** Records a sign-in to the service: the first one creates the row, later ones move its last sign-in time. */
    void recordSignIn(UUID accountId, String clientId, Instant at);

    /**
     * The services the account has signed in to that are still registered, with their display names, most recently
     * used first.
     */
    List<ServiceUse> findByAccount(UUID accountId);
}
