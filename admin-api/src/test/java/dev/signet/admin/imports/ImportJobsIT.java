package dev.signet.admin.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.jdbc.JdbcLinkedIdentityRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import jobs over HTTP on real PostgreSQL: upload, follow to the end, report, a second run, idempotency keys,
 * the problems, pages, and a job whose instance stopped. The file size limit is set low so that a 413 needs no large
 * upload. That identity-server signs in an imported citizen is shown by identity-server's ImportJobSignInIT.
 */
@TestPropertySource(properties = "signet.admin.imports.max-file-size=64KB")
class ImportJobsIT extends AdminApiIntegrationTest {

    private static final String MANAGE = "admin.manage";
    private static final String READ = "admin.read";
    private static final String BCRYPT = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private AuditLog auditLog;
    @Autowired
    private ImportJobRunner runner;

    private final String operator = "ops-import-" + UUID.randomUUID();
    private final String domain = UUID.randomUUID().toString().substring(0, 8) + ".test";

    /** Five rows: three good (two with a user_id), a row without an email, a row with an unusable hash. */
    private String file(String firstGivenName) {
        return """
                [
                  {"email": "ada@%1$s", "user_id": "auth0|ada-%1$s", "given_name": "%2$s",
                   "password_hash": "%3$s"},
                  {"email": "grace@%1$s", "user_id": "auth0|grace-%1$s", "email_verified": true},
                  {"user_id": "auth0|nomail-%1$s"},
                  {"email": "alan@%1$s"},
                  {"email": "bad@%1$s", "user_id": "auth0|bad-%1$s", "password_hash": "$2b$99$short"}
                ]
                """.formatted(domain, firstGivenName, BCRYPT);
    }

    private HttpResponse<String> upload(String body, String key, String query, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import-jobs"
                        + (query == null ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("User-Agent", "admin-api-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", "\"" + key + "\"");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode start(String body, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = upload(body, UUID.randomUUID().toString(), query,
                signet().token(operator, MANAGE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/import-jobs/" + json(response).get("id")
                .stringValue());
        return json(response);
    }

    /** Follows the job as an operator would, until it has finished. */
    private JsonNode finished(JsonNode job) throws IOException, InterruptedException {
        String path = "/import-jobs/" + job.get("id").stringValue();
        for (int attempt = 0; attempt < 1200; attempt++) {
            HttpResponse<String> response = get(path, signet().token(operator, READ));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode current = json(response);
            String state = current.get("state").stringValue();
            if (state.equals("succeeded") || state.equals("failed")) {
                return current;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import job did not finish: " + job);
    }

    private List<JsonNode> report(JsonNode job) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/import-jobs/" + job.get("id").stringValue() + "/report",
                signet().token(operator, READ));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/jsonl"));
        return response.body().lines().map(JSON::readTree).toList();
    }

    private static String progress(JsonNode job) {
        JsonNode p = job.get("progress");
        return "read=" + p.get("rows_read").intValue() + " created=" + p.get("created").intValue() + " updated="
                + p.get("updated").intValue() + " unchanged=" + p.get("unchanged").intValue() + " rejected="
                + p.get("rejected").intValue() + " linked=" + p.get("linked").intValue();
    }

    @Test
    void aFileIsImportedFollowedReportedAndASecondRunDuplicatesNothing() throws Exception {
        String connector = "vehicle-tax-" + domain;

        JsonNode first = finished(start(file("Ada"), "connector=" + connector));

        assertThat(first.get("state").stringValue()).isEqualTo("succeeded");
        assertThat(progress(first)).isEqualTo("read=5 created=3 updated=0 unchanged=0 rejected=2 linked=2");
        assertThat(first.get("options").get("connector").stringValue()).isEqualTo(connector);
        assertThat(first.get("started_by").stringValue()).isEqualTo(operator);
        assertThat(first.get("finished_at")).isNotNull();
        List<JsonNode> rejected = report(first);
        assertThat(rejected).extracting(line -> line.get("row").intValue()).containsExactly(3, 5);
        assertThat(rejected.get(0).get("reason").stringValue()).contains("email");
        assertThat(rejected.get(1).get("user_id").stringValue()).isEqualTo("auth0|bad-" + domain);
        assertThat(rejected.toString()).doesNotContain("$2b$99");
        LinkedIdentityRepository links = new JdbcLinkedIdentityRepository(dataSource);
        Optional<LinkedIdentity> ada = links.find(connector, "auth0|ada-" + domain);
        assertThat(ada).hasValueSatisfying(link -> assertThat(link.linkedBy()).isEqualTo("bulk_import"));
        assertThat(accountEmail(ada.get().accountId())).isEqualTo("ada@" + domain);
        assertThat(links.find(connector, "auth0|grace-" + domain)).isPresent();

        JsonNode again = finished(start(file("Ada"), "connector=" + connector));
        JsonNode changed = finished(start(file("Adah"), "connector=" + connector));

        assertThat(progress(again)).isEqualTo("read=5 created=0 updated=0 unchanged=3 rejected=2 linked=0");
        assertThat(progress(changed)).isEqualTo("read=5 created=0 updated=1 unchanged=2 rejected=2 linked=0");
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM account WHERE email_canonical LIKE ?")
                .param("%@" + domain).query(Long.class).single()).isEqualTo(3);
        assertThat(links.findByAccount(ada.get().accountId())).hasSize(1);
    }

    @Test
    void startAndEndAreAudited() throws Exception {
        JsonNode job = finished(start(file("Ada"), null));
        String id = job.get("id").stringValue();

        List<AuditEntry> started = entries(ImportJobAudit.STARTED, id);
        List<AuditEntry> ended = entries(ImportJobAudit.ACCOUNTS_IMPORTED, id);

        assertThat(started).singleElement().satisfies(entry -> {
            assertThat(entry.event().actor().id()).hasValue(operator);
            assertThat(entry.event().details()).containsEntry("file_bytes", Long.toString(job.get("file")
                    .get("bytes").longValue()));
        });
        assertThat(ended).singleElement().satisfies(entry -> {
            assertThat(entry.event().actor().id()).hasValue(ImportJobAudit.COMPONENT);
            assertThat(entry.event().details()).containsEntry("started_by", operator)
                    .containsEntry("created", "3").containsEntry("rejected", "2");
        });
    }

    private List<AuditEntry> entries(AuditEventType type, String jobId) {
        return auditLog.find(AuditFilter.ALL.withTypes(Set.of(type)), Optional.empty(), 200).entries().stream()
                .filter(entry -> jobId.equals(entry.event().details().get("job_id"))).toList();
    }

    @Test
    void theSameKeyAndFileGiveTheSameJobAndAnotherFileIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = signet().token(operator, MANAGE);

        HttpResponse<String> first = upload(file("Ada"), key, null, token);
        HttpResponse<String> retry = upload(file("Ada"), key, null, token);
        HttpResponse<String> otherFile = upload(file("Other"), key, null, token);
        HttpResponse<String> otherOptions = upload(file("Ada"), key, "batch_size=7", token);
        HttpResponse<String> noKey = upload(file("Ada"), null, null, token);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertProblem(otherFile, 422, "https://signet.dev/problems/idempotency-key-reused");
        assertProblem(otherOptions, 422, "https://signet.dev/problems/idempotency-key-reused");
        assertProblem(noKey, 400, "https://signet.dev/problems/idempotency-key-missing");
        finished(json(first));
    }

    @Test
    void problemsSayWhatIsWrong() throws Exception {
        String token = signet().token(operator, MANAGE);

        assertProblem(upload("{\"email\": \"x@" + domain + "\"}", UUID.randomUUID().toString(), null, token), 400,
                "https://signet.dev/problems/import-file-invalid");
        HttpResponse<String> tooLarge = upload("[" + "{\"email\": \"a@b.test\"},".repeat(4000) + "{}]",
                UUID.randomUUID().toString(), null, token);
        assertProblem(tooLarge, 413, "https://signet.dev/problems/import-file-too-large");
        assertThat(json(tooLarge).get("max_bytes").longValue()).isEqualTo(64 * 1024);
        assertProblem(upload(file("Ada"), UUID.randomUUID().toString(), "batch_size=0", token), 400,
                "https://signet.dev/problems/invalid-request");
        HttpResponse<String> unknown = get("/import-jobs/" + UUID.randomUUID(), signet().token(operator, READ));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/import-jobs/" + UUID.randomUUID() + "/report", signet().token(operator, READ))
                .statusCode()).isEqualTo(404);
        assertThat(upload(file("Ada"), UUID.randomUUID().toString(), null, signet().token(operator, READ))
                .statusCode()).isEqualTo(403);
        assertThat(get("/import-jobs", signet().token(operator, "admin.support")).statusCode()).isEqualTo(403);
        assertThat(get("/import-jobs", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aFileThatStopsBeingJsonFailsTheJobAfterImportingTheRowsBeforeTheFault() throws Exception {
        JsonNode job = finished(start("[{\"email\": \"before@" + domain + "\"}, {\"email\": ", null));

        assertThat(job.get("state").stringValue()).isEqualTo("failed");
        assertThat(job.get("failure").stringValue()).contains("not valid JSON").contains("start a new job");
        assertThat(progress(job)).isEqualTo("read=1 created=1 updated=0 unchanged=0 rejected=0 linked=0");
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM import_job_chunk WHERE job_id = ?")
                .param(UUID.fromString(job.get("id").stringValue())).query(Long.class).single()).isZero();
    }

    @Test
    void jobsAreListedNewestFirstInCursorPages() throws Exception {
        List<String> ids = List.of(start(file("A"), null), start(file("B"), null), start(file("C"), null)).stream()
                .map(job -> job.get("id").stringValue()).toList();

        JsonNode firstPage = json(get("/import-jobs?limit=2", signet().token(operator, READ)));
        JsonNode secondPage = json(get("/import-jobs?limit=2&cursor=" + firstPage.get("next_cursor").stringValue(),
                signet().token(operator, READ)));

        assertThat(firstPage.get("items")).extracting(item -> item.get("id").stringValue())
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(secondPage.get("items").get(0).get("id").stringValue()).isEqualTo(ids.get(0));
        assertProblem(get("/import-jobs?cursor=nonsense", signet().token(operator, READ)), 400,
                "https://signet.dev/problems/invalid-request");
    }

    @Test
    void aRunningJobWhoseInstanceStoppedIsMarkedFailed() throws Exception {
        UUID id = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        JdbcClient.create(dataSource).sql("""
                INSERT INTO import_job (id, started_by, idempotency_key, file_sha256, file_bytes, batch_size, state,
                                        runner, heartbeat_at, created, created_at, started_at)
                VALUES (?, ?, ?, '\\x00', 10, 500, 'running', 'gone-instance', ?, 7, ?, ?)""")
                .params(id, operator, UUID.randomUUID().toString(), Timestamp.from(longAgo), Timestamp.from(longAgo),
                        Timestamp.from(longAgo)).update();

        runner.failAbandoned();

        JsonNode job = json(get("/import-jobs/" + id, signet().token(operator, READ)));
        assertThat(job.get("state").stringValue()).isEqualTo("failed");
        assertThat(job.get("failure").stringValue()).isEqualTo(ImportJobRunner.INTERRUPTED);
        assertThat(job.get("progress").get("created").intValue()).isEqualTo(7);
        assertThat(entries(ImportJobAudit.FAILED, id.toString())).hasSize(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheImportJobs() throws Exception {
        JsonNode document = json(get("/v3/api-docs", null));

        assertThat(document.get("paths").propertyNames()).contains("/import-jobs", "/import-jobs/{id}",
                "/import-jobs/{id}/report");
        assertThat(document.get("paths").get("/import-jobs").get("post").get("requestBody").get("content")
                .propertyNames()).contains("application/json");
    }

    private String accountEmail(UUID accountId) {
        return JdbcClient.create(dataSource).sql("SELECT email FROM account WHERE id = ?").param(accountId)
                .query(String.class).single();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").stringValue()).isEqualTo(type);
    }
}
