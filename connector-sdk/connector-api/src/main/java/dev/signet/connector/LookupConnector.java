package dev.signet.connector;

/**
 * A connector that can find one user without their password: to refresh a linked identity's attributes, to match a
 * citizen to their old records, and to migrate.
 */
public interface LookupConnector extends Connector {

    /**
     * Finds the user with {@code key}.
     *
     * @return {@link Found} with the identity (the same subject and attributes a sign-in would give),
     *         {@link NotFound} when no such user exists, or {@link Unavailable}
     */
    LookupOutcome lookUp(UserKey key);
}
