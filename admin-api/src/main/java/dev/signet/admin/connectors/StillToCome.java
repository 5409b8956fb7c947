package dev.signet.admin.connectors;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Unavailable;
import dev.signet.core.connectors.jdbc.JdbcMigrationProgress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Counts the old system's users and those of them not linked yet, page by page, when the connector can list users:
 * within a bounded time and up to a bounded number of users, so that a large old system cannot hold a request.
 */
final class StillToCome {

    static final int PAGE_SIZE = 500;

    /** The old system's user count and how many are not linked; or why they are not known. */
    record Count(Optional<Long> legacyUsers, Optional<Long> stillToCome, String listing, Optional<String> reason) {

        static Count of(String listing) {
            return new Count(Optional.empty(), Optional.empty(), listing, Optional.empty());
        }
    }

    private final ConnectorTypes types;
    private final JdbcMigrationProgress progress;
    private final ExecutorService executor;
    private final Duration timeout;
    private final int maxUsers;

    StillToCome(ConnectorTypes types, JdbcMigrationProgress progress, ExecutorService executor, Duration timeout,
            int maxUsers) {
        this.types = Objects.requireNonNull(types, "types");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxUsers = maxUsers;
    }

    Count count(ConnectorDefinition definition) {
        Connector connector;
        try {
            connector = types.open(definition);
        } catch (RuntimeException e) {
            return new Count(Optional.empty(), Optional.empty(), "unavailable",
                    Optional.of("the connector cannot be opened from its settings"));
        }
        try {
            Optional<ListingConnector> listing = connector.capability(ListingConnector.class);
            if (listing.isEmpty()) {
                return Count.of("not-supported");
            }
            Future<Count> answer = executor.submit(() -> list(listing.get(), definition.instance().id()));
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                return Count.of("timed-out");
            } catch (ExecutionException e) {
                return new Count(Optional.empty(), Optional.empty(), "unavailable",
                        Optional.of("the connector failed: " + e.getCause().getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Count.of("timed-out");
            }
        } finally {
            connector.close();
        }
    }

    private Count list(ListingConnector connector, String connectorId) {
        long users = 0;
        long unlinked = 0;
        PageRequest request = PageRequest.first(PAGE_SIZE);
        while (true) {
            ListingOutcome outcome = connector.list(request);
            if (outcome instanceof Unavailable unavailable) {
                return new Count(Optional.empty(), Optional.empty(), "unavailable",
                        Optional.of(unavailable.reason()));
            }
            Page page = (Page) outcome;
            users += page.identities().size();
            if (users > maxUsers) {
                return Count.of("too-many");
            }
            unlinked += progress.unlinkedAmong(connectorId,
                    page.identities().stream().map(LegacyIdentity::subject).toList());
            if (Thread.currentThread().isInterrupted()) {
                return Count.of("timed-out");
            }
            if (page.next().isEmpty()) {
                return new Count(Optional.of(users), Optional.of(unlinked), "complete", Optional.empty());
            }
            request = page.next().get();
        }
    }
}
