package dev.signet.admin.connectors;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.RedirectConnector;
import dev.signet.connector.RedirectRequest;
import dev.signet.connector.RedirectStartOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tests a connector's reachability: opens a connector of its own from the stored configuration (never identity-server's
 * instance) and asks it something harmless, within a bounded time. A connector that can look users up is asked for a
 * user who cannot exist (the connector signs in to the old system first, such as an LDAP service bind, so wrong
 * service credentials show); one that redirects prepares a sign-in at the upstream provider (reading its metadata).
 * Nothing is changed anywhere, and only the connector's own operator-facing reason is reported.
 */
final class ReachabilityTest {

    /** A login name no old system holds; random, so no cache can answer for the old system. */
    static final String PROBE_PREFIX = "signet-reachability-check-";

    private final ConnectorTypes types;
    private final ExecutorService executor;
    private final Duration timeout;

    ReachabilityTest(ConnectorTypes types, ExecutorService executor, Duration timeout) {
        this.types = Objects.requireNonNull(types, "types");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    ReachabilityResult test(ConnectorDefinition definition) {
        String id = definition.instance().id();
        Connector connector;
        try {
            connector = types.open(definition);
        } catch (RuntimeException e) {
            return ReachabilityResult.unreachable(id, "open", "the connector cannot be opened from its settings");
        }
        String checkedBy = connector.capability(LookupConnector.class).isPresent() ? "lookup"
                : connector.capability(RedirectConnector.class).isPresent() ? "redirect" : "none";
        if ("none".equals(checkedBy)) {
            connector.close();
            return ReachabilityResult.unreachable(id, checkedBy, "this connector type offers nothing that can be "
                    + "asked without a citizen");
        }
        Future<ReachabilityResult> answer = executor.submit(() -> ask(connector, id, checkedBy));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return ReachabilityResult.unreachable(id, checkedBy, "no answer within " + timeout);
        } catch (ExecutionException e) {
            // Only the exception's type: its message could carry what the old system sent.
            return ReachabilityResult.unreachable(id, checkedBy, "the connector failed: "
                    + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReachabilityResult.unreachable(id, checkedBy, "the test was interrupted");
        } finally {
            connector.close();
        }
    }

    private static ReachabilityResult ask(Connector connector, String id, String checkedBy) {
        if ("lookup".equals(checkedBy)) {
            LookupOutcome outcome = connector.capability(LookupConnector.class).orElseThrow()
                    .lookUp(UserKey.loginName(PROBE_PREFIX + UUID.randomUUID()));
            return outcome instanceof Unavailable unavailable
                    ? ReachabilityResult.unreachable(id, checkedBy, unavailable.reason())
                    : ReachabilityResult.reachable(id, checkedBy);
        }
        RedirectStartOutcome outcome = connector.capability(RedirectConnector.class).orElseThrow()
                .start(new RedirectRequest(URI.create("https://signet.invalid/reachability-check"),
                        UUID.randomUUID().toString()));
        return outcome instanceof Unavailable unavailable
                ? ReachabilityResult.unreachable(id, checkedBy, unavailable.reason())
                : ReachabilityResult.reachable(id, checkedBy);
    }
}
