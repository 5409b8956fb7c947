package dev.signet.admin.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.bulkimport.ImportFileGenerator;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Not part of the test suite: a measurement, run on demand (docs/bulk-import.md "Measured"). Generates a file of
 * {@code signet.bench.import-rows} users, uploads it to the admin API over HTTP, follows the job to its end, and prints
 * the wall time and the admin API's peak heap use. It checks the counts, never a time.
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl admin-api -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ImportJobLoadIT -Dfailsafe.failIfNoSpecifiedTests=false -Dsignet.bench.import-rows=100000 \
 *     -DargLine=-Xmx256m
 * </pre>
 */
@EnabledIfSystemProperty(named = "signet.bench.import-rows", matches = "[1-9][0-9]*")
class ImportJobLoadIT extends AdminApiIntegrationTest {

    @TempDir
    Path directory;

    @Test
    void aLargeFileIsStreamedImportedAndReported() throws Exception {
        int rows = Integer.parseInt(System.getProperty("signet.bench.import-rows"));
        Path file = directory.resolve("users.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportFileGenerator.write(out, rows, "load-" + UUID.randomUUID().toString().substring(0, 8) + ".test");
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        String token = signet().token("ops-load", "admin.manage", "admin.read");
        long started = System.nanoTime();

        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/import-jobs?connector=load-test"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "\"" + UUID.randomUUID() + "\"")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        Duration uploaded = Duration.ofNanos(System.nanoTime() - started);
        String path = "/import-jobs/" + json(upload).get("id").stringValue();
        JsonNode job = json(upload);
        while (!job.get("state").stringValue().matches("succeeded|failed")) {
            Thread.sleep(500);
            job = json(get(path, token));
        }
        Duration finished = Duration.ofNanos(System.nanoTime() - started);
        HttpResponse<String> report = get(path + "/report", token);
        long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        System.out.printf("%nIMPORT JOB LOAD: %d rows, %.1f MB file, upload %.1f s, job done after %.1f s, report %d "
                        + "lines, peak heap used %.0f MB (max heap %.0f MB)%n%s%n", rows, Files.size(file) / 1e6,
                uploaded.toMillis() / 1000.0, finished.toMillis() / 1000.0, report.body().lines().count(),
                peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6, job.get("progress"));
        assertThat(job.get("state").stringValue()).isEqualTo("succeeded");
        assertThat(job.get("progress").get("rows_read").intValue()).isEqualTo(rows);
        assertThat(job.get("progress").get("rejected").intValue()).isEqualTo(rows / 10);
        assertThat(report.body().lines().count()).isEqualTo(rows / 10);
    }
}
