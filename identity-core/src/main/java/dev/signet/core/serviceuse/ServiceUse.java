package dev.signet.core.serviceuse;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A service (relying party) a citizen has signed in to.
 *
 * @param accountId        the citizen
 * @param clientId         the relying party's client id
 * @param serviceName      its display name (as registered now)
 * @param firstSignedInAt  the first sign-in Signet recorded
 * @param lastSignedInAt   the latest one
 */
public record ServiceUse(UUID accountId, String clientId, String serviceName, Instant firstSignedInAt,
        Instant lastSignedInAt) {

    public ServiceUse {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(firstSignedInAt, "firstSignedInAt");
        Objects.requireNonNull(lastSignedInAt, "lastSignedInAt");
    }
}
