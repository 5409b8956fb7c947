package dev.signet.server.migration;

import java.util.Map;

/** Each connector's {@link MigrationPolicy}, as the connectors file declares it; {@code on-sign-in} when it does not. */
public final class MigrationPolicies {

    private final Map<String, MigrationPolicy> byConnector;

    MigrationPolicies(Map<String, MigrationPolicy> byConnector) {
        this.byConnector = Map.copyOf(byConnector);
    }

    public MigrationPolicy of(String connectorId) {
        return byConnector.getOrDefault(connectorId, MigrationPolicy.ON_SIGN_IN);
    }
}
