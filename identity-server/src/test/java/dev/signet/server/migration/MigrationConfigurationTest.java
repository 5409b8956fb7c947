package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.federation.ConnectorFileException;
import dev.signet.server.federation.ConnectorsProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Each connector's migration settings are read from the connectors file at start-up; a wrong one stops the start. */
class MigrationConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConnectorsProperties.class)
    static class Surroundings {

        /** Never connected to here: only the repository is built on it. */
        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/unused");
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Surroundings.class, MigrationConfiguration.class);

    @TempDir
    Path directory;

    @Test
    void theSettingsOfEachConnectorAreReadFromTheConnectorsFile() throws IOException {
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: pensions
                    migration: dual-running
                    keep-checking-until: 2027-03-31
                  - id: vehicle-tax
                """);
        runner.withPropertyValues("signet.connectors.file=" + file).run(context -> {
            MigrationPolicies policies = context.getBean(MigrationPolicies.class);
            assertThat(policies.of("pensions"))
                    .isEqualTo(MigrationPolicy.dualRunningUntil(LocalDate.parse("2027-03-31")));
            assertThat(policies.of("vehicle-tax")).isEqualTo(MigrationPolicy.ON_SIGN_IN);
        });
    }

    @Test
    void aWrongMigrationSettingStopsTheStartNamingTheConnectorAndField() throws IOException {
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: pensions
                    migration: dual-running
                """);
        runner.withPropertyValues("signet.connectors.file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConnectorFileException.class)
                    .hasMessageContaining("connector 'pensions', field 'keep-checking-until': must be given with "
                            + "migration: dual-running");
        });
    }
}
