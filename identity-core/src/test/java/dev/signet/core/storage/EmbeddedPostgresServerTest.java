package dev.signet.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsItsDataAcrossRestartsAndRefusesASecondServerOnTheSameDirectory() {
        Path postgres = dataDirectory.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(postgres)) {
            new JdbcTemplate(first.adminDataSource()).execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(postgres))
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining(postgres.toString());
        }
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(postgres)) {
            assertThat(new JdbcTemplate(restarted.adminDataSource()).queryForObject("SELECT id FROM kept", Integer.class))
                    .isEqualTo(7);
        }
    }
}
