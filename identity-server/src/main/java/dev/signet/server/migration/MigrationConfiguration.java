package dev.signet.server.migration;

import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.jdbc.JdbcLinkedIdentityRepository;
import dev.signet.server.federation.ConnectorsProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Lazy migration: linked identities in PostgreSQL, and each connector's migration settings from the connectors file. */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    LinkedIdentityRepository linkedIdentityRepository(DataSource dataSource) {
        return new JdbcLinkedIdentityRepository(dataSource);
    }

    @Bean
    MigrationPolicies migrationPolicies(ConnectorsProperties properties, ResourceLoader resourceLoader) {
        String location = properties.file();
        // Resolved as the federation configuration resolves it: the same file.
        Resource file = location.startsWith("classpath:") || location.startsWith("file:")
                ? resourceLoader.getResource(location) : new FileSystemResource(location);
        return new MigrationPolicies(new MigrationSettingsReader().read(file, location));
    }

    /** The day dual running is judged by: the calendar day in UTC, so every instance agrees on the cut-over. */
    static java.time.LocalDate today(Clock clock) {
        return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }
}
