package dev.signet.server.migration;

import dev.signet.connector.ConnectorTypes;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.jdbc.JdbcLinkedIdentityRepository;
import dev.signet.server.federation.ConnectorRegistry;
import dev.signet.server.federation.ConnectorsProperties;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Lazy migration: linked identities in PostgreSQL, and each connector's migration settings, from the connectors file
 * or, for connectors managed through the admin API, from PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    LinkedIdentityRepository linkedIdentityRepository(DataSource dataSource) {
        return new JdbcLinkedIdentityRepository(dataSource);
    }

    @Bean
    MigrationPolicies migrationPolicies(ConnectorsProperties properties, ResourceLoader resourceLoader,
            ObjectProvider<ConnectorRegistry> registry, ObjectProvider<ConnectorStore> store,
            ObjectProvider<ConnectorSecretSealer> sealer, ObjectProvider<ConnectorTypes> types) {
        String location = properties.file();
        // Resolved as the federation configuration resolves it: the same file.
        Resource file = location.startsWith("classpath:") || location.startsWith("file:")
                ? resourceLoader.getResource(location) : new FileSystemResource(location);
        Map<String, MigrationPolicy> fileDeclared = new MigrationSettingsReader().read(file, location);
        ConnectorRegistry connectors = registry.getIfAvailable();
        if (connectors == null) {
            return new MigrationPolicies(fileDeclared);
        }
        MigrationPolicies policies = new MigrationPolicies(fileDeclared, connectors::managedMigration);
        if (store.getIfAvailable() != null) {
            FileConnectorRecords.write(connectors.fileDefinitions(), types.getObject(), policies, sealer.getObject(),
                    store.getObject());
        }
        return policies;
    }

    /** The day dual running is judged by: the calendar day in UTC, so every instance agrees on the cut-over. */
    static java.time.LocalDate today(Clock clock) {
        return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }
}
