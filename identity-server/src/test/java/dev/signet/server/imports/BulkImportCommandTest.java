package dev.signet.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage errors stop the command before it touches a database (the import itself: BulkImportSignInIT). */
class BulkImportCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return BulkImportCommand.run(args, environment::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheFileTheReportOrTheDatabaseItPrintsItsUsage() {
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run(database)).isEqualTo(2);
        assertThat(run(database, "--file", "users.json")).isEqualTo(2);
        assertThat(run(Map.of(), "--file", "users.json", "--report", "r.jsonl")).isEqualTo(2);
        assertThat(run(database, "--file", "users.json", "--report", "r.jsonl", "--password", "x")).isEqualTo(2);
        assertThat(run(database, "--file", "users.json", "--report")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: BulkImportCommand --file");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBatchSizeThatIsNotANumberFrom1To10000IsAUsageError() {
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/none");
        for (String size : new String[] {"many", "0", "10001"}) {
            assertThat(run(database, "--file", "u.json", "--report", "r.jsonl", "--batch-size", size)).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--batch-size must be a number from 1 to 10000");
    }

    @Test
    void aBlankOrOverlongConnectorIsAUsageError() {
        Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run(database, "--file", "u.json", "--report", "r.jsonl", "--connector", " ")).isEqualTo(2);
        assertThat(run(database, "--file", "u.json", "--report", "r.jsonl", "--connector", "c".repeat(256)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--connector must be a connector id");
    }
}
