package dev.signet.server.federation;

import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.connectors.jdbc.JdbcConnectorStore;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.keys.KeyEncryptionKeys;
import dev.signet.server.keys.KeysProperties;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connectors in PostgreSQL (migration V97): created and changed through the admin API, and the connectors file's
 * entries written there at start-up so operators see them. Their secret settings are sealed under a key derived from
 * the key-encryption key of the signing keys ({@code signet.keys.encryption-key}), as the admin API seals them.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorStoreConfiguration {

    @Bean
    ConnectorStore connectorStore(DataSource dataSource, Clock clock) {
        return new JdbcConnectorStore(dataSource, clock);
    }

    /** Same key source as the signing keys: configured, or generated into the data directory by the embedded default. */
    @Bean
    ConnectorSecretSealer connectorSecretSealer(KeysProperties keys, SignetProperties signet, Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank();
        SecureRandom random = new SecureRandom();
        return new ConnectorSecretSealer(KeyEncryptionKeys.resolve(keys, embedded, signet.dataDirectory(), random),
                random);
    }

    /** After the migrations: the registry reads the stored connectors as soon as it is made. */
    @Bean
    @DependsOnDatabaseInitialization
    ManagedConnectors managedConnectors(ConnectorStore store, ConnectorSecretSealer sealer,
            ConnectorsProperties properties) {
        return new ManagedConnectors(store, sealer, properties.refreshInterval());
    }
}
