package dev.signet.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of users.
 *
 * @param identities the users on this page, in the connector's stable order
 * @param next       the request for the following page; empty when this is the last page
 */
public record Page(List<LegacyIdentity> identities, Optional<PageRequest> next) implements ListingOutcome {

    public Page {
        identities = List.copyOf(identities);
        Objects.requireNonNull(next, "next");
    }
}
