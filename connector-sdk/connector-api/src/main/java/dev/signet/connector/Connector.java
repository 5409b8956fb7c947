package dev.signet.connector;

import java.util.Optional;

/**
 * One configured legacy sign-in method, opened by its {@link ConnectorType}. On its own this interface only says who
 * the connector is; what it can do is told by the capability interfaces it also implements:
 * <ul>
 *   <li>{@link PasswordConnector}: checks a login name and password;</li>
 *   <li>{@link RedirectConnector}: sends the citizen to an upstream provider and handles the callback;</li>
 *   <li>{@link LookupConnector}: finds one user, for matching and migration;</li>
 *   <li>{@link ListingConnector}: lists users page by page, for bulk migration.</li>
 * </ul>
 * Ask with {@link #capability(Class)}: {@code connector.capability(PasswordConnector.class)}.
 *
 * <p>A connector is used by many threads at once and must be safe for that. It may hold resources (a connection
 * pool, an HTTP client); {@link #close()} releases them when Signet stops or the connector is replaced.
 */
public interface Connector extends AutoCloseable {

    /** Who this connector is: id, display name, owning department. */
    ConnectorInstance instance();

    /** This connector as {@code capability}, when it offers it. */
    default <C> Optional<C> capability(Class<C> capability) {
        return capability.isInstance(this) ? Optional.of(capability.cast(this)) : Optional.empty();
    }

    /** Releases what the connector holds. Does nothing unless the connector holds something. */
    @Override
    default void close() {
    }
}
