package dev.signet.admin.keycloakimport;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.security.Operators;
import dev.signet.admin.web.ConflictException;
import dev.signet.core.audit.AuditEventType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Starts imports: checks that Keycloak accepts the credentials and counts the realm's users (so a wrong URL, realm or
 * secret is the operator's answer at once, not a failed job later), records the import and the operator's action in
 * one transaction, then runs it on its own threads (two at most at once per instance). One import per connector at a
 * time.
 *
 * <p>Decision: the executor is this class's own, not a bean: an {@code Executor} bean would make Spring Boot drop its
 * application task executor, which other features may use. When the API stops it waits {@link #STOP_WAIT} for
 * running imports, then interrupts them; one that did not finish is marked failed, at once if it still can, or once
 * stale ({@link JdbcKeycloakImportStore#STALE_AFTER}).
 */
final class KeycloakImports implements DisposableBean {

    /** The operator started an import of a Keycloak realm; details: import id, server URL, realm, connector. */
    static final AuditEventType STARTED = new AuditEventType("operator.keycloak_import.started");

    static final String BUSY = "This admin API instance is running as many imports as it takes; start this one again "
            + "when one has finished.";

    private final JdbcKeycloakImportStore store;
    private final KeycloakRealmImport realmImport;
    private final OperatorAudit audit;
    private final TransactionOperations transactions;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(20), task -> {
                Thread thread = new Thread(task, "keycloak-import-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
    private final Clock clock;

    KeycloakImports(JdbcKeycloakImportStore store, KeycloakRealmImport realmImport, OperatorAudit audit,
            TransactionOperations transactions, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.realmImport = Objects.requireNonNull(realmImport, "realmImport");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws KeycloakRefusedException when Keycloak refuses or does not answer
     * @throws ConflictException         when an import into the same connector is running
     */
    UUID start(KeycloakImportPlan plan, Authentication operator, HttpServletRequest request) {
        store.failStale(clock.instant());
        if (store.runningFor(plan.connectorId())) {
            throw new ConflictException("An import into connector '" + plan.connectorId() + "' is running; wait "
                    + "for it to finish, then start this one.", Map.of());
        }
        Keycloak keycloak = plan.source().open();
        int usersTotal;
        try {
            usersTotal = keycloak.realm(plan.source().realm()).users().count();
        } catch (RuntimeException e) {
            keycloak.close();
            throw KeycloakRefusedException.from(e, plan.source());
        }
        UUID id = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(status -> {
                store.create(id, Operators.actor(operator).id().orElseThrow(), plan, usersTotal, clock.instant());
                audit.record(operator, request, STARTED, Optional.empty(), Map.of("import_id", id.toString(),
                        "server_url", plan.source().serverUrl().toString(), "realm", plan.source().realm(),
                        "connector", plan.connectorId()));
            });
            executor.execute(() -> realmImport.run(id, plan, keycloak));
        } catch (RejectedExecutionException busy) {
            keycloak.close();
            store.finished(id, KeycloakImportState.FAILED, Optional.of(BUSY), clock.instant());
            throw new ConflictException(BUSY, Map.of());
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return id;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
