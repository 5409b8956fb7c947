package dev.signet.server.imports;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.bulkimport.BulkImportJob;
import dev.signet.bulkimport.ImportFileException;
import dev.signet.bulkimport.ImportOptions;
import dev.signet.bulkimport.RejectionReport;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.jdbc.JdbcAuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The command line for {@link BulkImportJob} (docs/bulk-import.md): imports a file into the database the server
 * uses, writes the rejected rows to a JSON Lines report, prints the counts and exits. It needs no running server.
 *
 * <pre>
 * SPRING_DATASOURCE_URL=jdbc:postgresql://db/signet SPRING_DATASOURCE_USERNAME=signet SPRING_DATASOURCE_PASSWORD=...
 * java -Dloader.main=dev.signet.server.imports.BulkImportCommand -cp identity-server.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --file users.json --report rejected.jsonl
 * </pre>
 *
 * The database settings are the server's own environment variables; the password is never taken from the command
 * line, where other users of the machine could read it. Each completed run is one audit log entry
 * ({@code operator.accounts.imported}, with the counts). Exit status: 0 when the file was read to its end (rejected
 * rows included), 1 when the file or the database failed, 2 for a usage error.
 */
public final class BulkImportCommand {

    static final String USAGE = """
            Usage: BulkImportCommand --file <users.json> --report <rejected.jsonl> [--batch-size <rows>]
                                     [--connector <connector id>]
            Database: SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD""";

    private BulkImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()::get, System.out, System.err));
    }

    /** An operator action like any other: one audit entry per run, with the file's name and the counts. */
    private static void audit(DataSource dataSource, String file, BulkImportJob.Summary summary) {
        new JdbcAuditLog(dataSource).append(new AuditEvent(Instant.now(), Actor.system("bulk-import-command"),
                AuditEventType.OPERATOR_ACCOUNTS_IMPORTED, Optional.empty(), AuditOrigin.NONE, Map.of(
                        "file", Path.of(file).getFileName().toString(),
                "linked", Integer.toString(summary.linked()),
                        "created", Integer.toString(summary.created()),
                        "updated", Integer.toString(summary.updated()),
                        "unchanged", Integer.toString(summary.unchanged()),
                        "rejected", Integer.toString(summary.rejected()))));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String url = environment.apply("SPRING_DATASOURCE_URL");
        if (!options.containsKey("file") || !options.containsKey("report") || url == null || url.isBlank()
                || !options.keySet().stream().allMatch(key -> key.matches("file|report|batch-size|connector"))) {
            err.println(USAGE);
            return 2;
        }
        int batchSize;
        try {
            batchSize = Integer.parseInt(options.getOrDefault("batch-size",
                    Integer.toString(BulkImportJob.DEFAULT_BATCH_SIZE)));
        } catch (NumberFormatException e) {
            batchSize = 0;
        }
        if (batchSize < 1 || batchSize > ImportOptions.MAX_BATCH_SIZE) {
            err.println("--batch-size must be a number from 1 to " + ImportOptions.MAX_BATCH_SIZE);
            return 2;
        }
        Optional<String> connector = Optional.ofNullable(options.get("connector"));
        if (connector.isPresent() && (connector.get().isBlank()
                || connector.get().length() > ImportOptions.MAX_CONNECTOR_ID_LENGTH)) {
            err.println("--connector must be a connector id of at most " + ImportOptions.MAX_CONNECTOR_ID_LENGTH
                    + " characters");
            return 2;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(environment.apply("SPRING_DATASOURCE_USERNAME"));
        config.setPassword(environment.apply("SPRING_DATASOURCE_PASSWORD"));
        config.setMaximumPoolSize(2);
        config.setPoolName("signet-import");
        long started = System.nanoTime();
        try (HikariDataSource dataSource = new HikariDataSource(config);
                InputStream file = Files.newInputStream(Path.of(options.get("file")));
                Writer reportFile = Files.newBufferedWriter(Path.of(options.get("report")), StandardCharsets.UTF_8);
                RejectionReport report = new RejectionReport(reportFile)) {
            // The same migrations, with the same settings, as the server at start-up (application.yml
            // spring.flyway): the import works on a database the server never saw, or one from an earlier release.
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load()
                    .migrate();
            BulkImportJob.Summary summary = new BulkImportJob(dataSource, Clock.systemUTC(),
                    new ImportOptions(batchSize, connector))
                    .run(file, report);
            audit(dataSource, options.get("file"), summary);
            out.printf("{\"created\":%d,\"updated\":%d,\"unchanged\":%d,\"rejected\":%d,\"linked\":%d,"
                    + "\"seconds\":%.1f}%n", summary.created(), summary.updated(), summary.unchanged(),
                    summary.rejected(), summary.linked(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
            return 0;
        } catch (ImportFileException e) {
            err.println("The import stopped: " + e.getMessage() + " (rows before it were imported; see the report)");
            return 1;
        } catch (IOException e) {
            err.println("The import could not read or write a file: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("The import failed: " + e.getMessage());
            return 1;
        }
    }
}
