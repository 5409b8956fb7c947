package dev.signet.admin.connectors;

import dev.signet.connector.ConnectorTypes;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.connectors.jdbc.JdbcConnectorStore;
import dev.signet.core.connectors.jdbc.JdbcMigrationProgress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connector management: the connectors in PostgreSQL (identity-core), the connector types on this class path (the
 * same built-in ones identity-server has, found through {@link java.util.ServiceLoader}), and the secret sealer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorAdminProperties.class)
public class ConnectorAdminConfiguration {

    @Bean
    ConnectorStore connectorStore(DataSource dataSource, Clock clock) {
        return new JdbcConnectorStore(dataSource, clock);
    }

    @Bean
    JdbcMigrationProgress migrationProgress(DataSource dataSource) {
        return new JdbcMigrationProgress(dataSource);
    }

    @Bean
    ConnectorTypes connectorTypes() {
        return ConnectorTypes.discover(ConnectorAdminConfiguration.class.getClassLoader());
    }

    @Bean
    ConnectorSecrets connectorSecrets(ConnectorAdminProperties properties) {
        SecureRandom random = new SecureRandom();
        return new ConnectorSecrets(properties.encryptionKeyBytes()
                .map(key -> new ConnectorSecretSealer(key, random)));
    }

    /** Where reachability tests and user listings run, so that a request can stop waiting for them. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService connectorChecks() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "connector-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
