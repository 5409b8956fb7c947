package dev.signet.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.testing.PostgresTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command against a real PostgreSQL migrated by an earlier release, one without the import's table (V85), naming
 * a connector whose legacy identities the file's user_ids are.
 */
class BulkImportCommandIT {

    @TempDir
    Path directory;

    @Test
    void onADatabaseFromAnEarlierReleaseTheCommandAddsItsTableAndImports() throws Exception {
        String url;
        try (HikariDataSource earlier = PostgresTestServer.newMigratedDatabase();
                Connection connection = earlier.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE account_import_source");
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '85'");
            url = earlier.getJdbcUrl();
        }
        Path users = directory.resolve("users.json");
        Path report = directory.resolve("rejected.jsonl");
        Files.writeString(users, "[{\"email\": \"first@upgrade.test\", \"user_id\": \"u1\"}, {\"user_id\": \"u2\"}]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = BulkImportCommand.run(new String[] {"--file", users.toString(), "--report", report.toString(),
                "--connector", "old-benefits"},
                Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres")::get,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("{\"created\":1,\"updated\":0,\"unchanged\":0,\"rejected\":1,\"linked\":1,");
        assertThat(Files.readString(report)).isEqualTo(
                "{\"row\":2,\"user_id\":\"u2\",\"reason\":\"email is missing or is not an email address\"}\n");
        try (HikariDataSource after = new HikariDataSource()) {
            after.setJdbcUrl(url);
            after.setUsername("postgres");
            assertThat(JdbcClient.create(after).sql("SELECT source_user_id FROM account_import_source")
                    .query(String.class).list()).containsExactly("u1");
            // --connector: the user_id is that connector's legacy identity, linked to the account.
            assertThat(JdbcClient.create(after).sql("SELECT connector_id || ':' || legacy_subject || ':' || linked_by"
                    + " FROM linked_legacy_identity l JOIN account a ON a.id = l.account_id"
                    + " WHERE a.email_canonical = 'first@upgrade.test'").query(String.class).list())
                    .containsExactly("old-benefits:u1:bulk_import");
        }
    }
}
