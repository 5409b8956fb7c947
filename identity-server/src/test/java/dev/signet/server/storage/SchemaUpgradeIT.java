package dev.signet.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database migrated by an earlier release starts the new one. Features own ranges of migration versions, so a new
 * release may bring a migration numbered below the highest one already applied (V70 arrived after V92): the server
 * must apply it rather than refuse to start. The earlier release is played by a fully migrated database from which
 * V70 and its table are taken away again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SchemaUpgradeIT {

    private static String databaseUrl;

    private static synchronized String databaseMigratedByAnEarlierRelease() throws Exception {
        if (databaseUrl == null) {
            try (HikariDataSource dataSource = PostgresTestServer.newMigratedDatabase();
                    Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE linked_legacy_identity");
                statement.execute("DELETE FROM flyway_schema_history WHERE version = '70'");
                databaseUrl = dataSource.getJdbcUrl();
            }
        }
        return databaseUrl;
    }

    @DynamicPropertySource
    static void earlierReleasesDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            try {
                return databaseMigratedByAnEarlierRelease();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void aMigrationNumberedBelowTheAppliedOnesIsAppliedAtStartUp() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM linked_legacy_identity", Integer.class)).isZero();
        Integer rankOf70 = jdbc.queryForObject(
                "SELECT installed_rank FROM flyway_schema_history WHERE version = '70' AND success", Integer.class);
        Integer rankOf92 = jdbc.queryForObject(
                "SELECT installed_rank FROM flyway_schema_history WHERE version = '92' AND success", Integer.class);
        assertThat(rankOf70).isGreaterThan(rankOf92);
    }
}
