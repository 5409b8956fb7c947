package dev.signet.server.migration;

import dev.signet.core.connectors.ConnectorMigration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each connector's {@link MigrationPolicy}: as the admin API last set it for a connector it manages, else as the
 * connectors file declares it; {@code on-sign-in} when neither says.
 */
public final class MigrationPolicies {

    private final Map<String, MigrationPolicy> fileDeclared;
    private final Function<String, Optional<ConnectorMigration>> managed;

    MigrationPolicies(Map<String, MigrationPolicy> fileDeclared,
            Function<String, Optional<ConnectorMigration>> managed) {
        this.fileDeclared = Map.copyOf(fileDeclared);
        this.managed = managed;
    }

    MigrationPolicies(Map<String, MigrationPolicy> fileDeclared) {
        this(fileDeclared, connectorId -> Optional.empty());
    }

    public MigrationPolicy of(String connectorId) {
        return managed.apply(connectorId).map(MigrationPolicies::policy)
                .orElseGet(() -> fileDeclared.getOrDefault(connectorId, MigrationPolicy.ON_SIGN_IN));
    }

    /** As the file declares it, whoever manages the connector now: what the file's entry is written with. */
    MigrationPolicy fileDeclared(String connectorId) {
        return fileDeclared.getOrDefault(connectorId, MigrationPolicy.ON_SIGN_IN);
    }

    static MigrationPolicy policy(ConnectorMigration migration) {
        return migration.keepCheckingUntil().map(MigrationPolicy::dualRunningUntil).orElse(MigrationPolicy.ON_SIGN_IN);
    }

    static ConnectorMigration stored(MigrationPolicy policy) {
        return policy.keepCheckingUntil().map(ConnectorMigration::dualRunningUntil)
                .orElse(ConnectorMigration.ON_SIGN_IN);
    }
}
