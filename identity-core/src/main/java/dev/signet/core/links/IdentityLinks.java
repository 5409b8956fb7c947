package dev.signet.core.links;

import dev.signet.core.audit.Initiator;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Linking and unlinking legacy identities as an audited change to the account (operators, and any journey that
 * unlinks): each call is one transaction (joining the caller's, if any) that changes the link, moves the account's
 * version on, writes the audit entry and, for an unlink, queues a Security Event Token to every relying party that
 * knew the account ({@code RelyingPartyEvents.legacyIdentityUnlinked}). PostgreSQL adapter: {@code jdbc.JdbcIdentityLinks}.
 * The store of links itself is {@link LinkedIdentityRepository}.
 *
 * <p>{@code accountVersion}: when present, the change is refused unless the account is still at this version (its
 * {@code updatedAt} as the caller read it: an operator's ETag).
 */
public interface IdentityLinks {

    /** Links the legacy identity to the account ({@link LinkMethod#OPERATOR}), unless it is linked anywhere already. */
    LinkOutcome link(UUID accountId, String connectorId, String legacySubject, Optional<Instant> accountVersion,
            Initiator initiator);

    /** Removes the link of the legacy identity to this account. */
    UnlinkOutcome unlink(UUID accountId, String connectorId, String legacySubject, Optional<Instant> accountVersion,
            Initiator initiator);
}
