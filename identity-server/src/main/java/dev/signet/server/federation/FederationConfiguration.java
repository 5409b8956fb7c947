package dev.signet.server.federation;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Connectors: the types on the class path (found through {@link java.util.ServiceLoader}), the connectors declared in
 * {@code signet.connectors.file}, validated at start-up (a wrong file stops the server with a message naming the
 * connector and the setting), and, when PostgreSQL is configured ({@link ConnectorStoreConfiguration}), those
 * managed through the admin API.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FederationConfiguration.class);

    @Bean
    ConnectorTypes connectorTypes() {
        return ConnectorTypes.discover(FederationConfiguration.class.getClassLoader());
    }

    @Bean(destroyMethod = "close")
    ConnectorRegistry connectorRegistry(ConnectorsProperties properties, ConnectorTypes types,
            ResourceLoader resourceLoader, Environment environment, ObjectProvider<ManagedConnectors> managed) {
        String location = properties.file();
        Resource file = location.startsWith("classpath:") || location.startsWith("file:")
                ? resourceLoader.getResource(location) : new FileSystemResource(location);
        List<ConnectorDefinition> definitions = new ConnectorFileLoader(types,
                environment::resolveRequiredPlaceholders).load(file);
        ManagedConnectors stored = managed.getIfAvailable();
        if (stored != null) {
            try {
                return new ConnectorRegistry(definitions, types, stored);
            } catch (InvalidSettingsException e) {
                throw new ConnectorFileException(location, List.of(e.getMessage()));
            }
        }
        List<Connector> opened = new ArrayList<>();
        try {
            for (ConnectorDefinition definition : definitions) {
                opened.add(types.open(definition));
            }
        } catch (InvalidSettingsException e) {
            opened.forEach(Connector::close);
            throw new ConnectorFileException(location, List.of(e.getMessage()));
        }
        log.info("Connectors from {}: {}", location, opened.stream().map(c -> c.instance().id()).toList());
        return new ConnectorRegistry(opened);
    }
}
