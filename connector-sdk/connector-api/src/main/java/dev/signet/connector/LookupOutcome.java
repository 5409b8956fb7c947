package dev.signet.connector;

import java.util.Optional;

/** What looking a user up gave: {@link Found}, {@link NotFound} or {@link Unavailable}. */
public sealed interface LookupOutcome permits Found, NotFound, Unavailable {

    /** The identity when found; empty when not found or unavailable. */
    default Optional<LegacyIdentity> found() {
        return this instanceof Found found ? Optional.of(found.identity()) : Optional.empty();
    }
}
