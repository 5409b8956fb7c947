package dev.signet.server.migration;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Counters of lazy migration, each tagged with the connector's id (Prometheus names in brackets):
 * <ul>
 *   <li>{@code signet.migration.sign_ins} ({@code signet_migration_sign_ins_total}): old credentials accepted by the
 *       old system;</li>
 *   <li>{@code signet.migration.links} ({@code signet_migration_links_total}): legacy identities linked, tag
 *       {@code method} (new_account, signet_password, email_code);</li>
 *   <li>{@code signet.migration.passwords} ({@code signet_migration_passwords_total}): legacy passwords made Signet
 *       passwords, tag {@code kind} ({@code carried_over} at linking, {@code refreshed} in dual running), and
 *       legacy passwords that would have been but did not meet Signet's password rules ({@code refused_by_policy},
 *       at linking or in dual running);</li>
 *   <li>{@code signet.migration.failures} ({@code signet_migration_failures_total}): tag {@code reason}
 *       ({@code invalid}: wrong details; {@code unavailable}: the old system did not answer).</li>
 * </ul>
 */
@Component
class MigrationMetrics {

    private final MeterRegistry meters;

    MigrationMetrics(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    void signedIn(String connectorId) {
        meters.counter("signet.migration.sign_ins", "connector", connectorId).increment();
    }

    void linked(String connectorId, String method) {
        meters.counter("signet.migration.links", "connector", connectorId, "method", method).increment();
    }

    void passwordCarriedOver(String connectorId) {
        meters.counter("signet.migration.passwords", "connector", connectorId, "kind", "carried_over").increment();
    }

    void passwordRefreshed(String connectorId) {
        meters.counter("signet.migration.passwords", "connector", connectorId, "kind", "refreshed").increment();
    }

    void passwordRefusedByPolicy(String connectorId) {
        meters.counter("signet.migration.passwords", "connector", connectorId, "kind", "refused_by_policy")
                .increment();
    }

    void failed(String connectorId, String reason) {
        meters.counter("signet.migration.failures", "connector", connectorId, "reason", reason).increment();
    }
}
