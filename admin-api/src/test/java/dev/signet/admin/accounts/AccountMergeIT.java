package dev.signet.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import dev.signet.core.events.IssuedSubjects;
import dev.signet.core.events.jdbc.JdbcIssuedSubjects;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Merge preview, merge, undo, link, unlink and search by legacy identifier through the admin API, on real PostgreSQL.
 * What identity-server does with what they queue (Security Event Tokens, session endings) is shown by its
 * AccountMergeEndToEndIT.
 */
class AccountMergeIT extends AdminApiIntegrationTest {

    private static final String ALL_SCOPES = "admin.read admin.support admin.manage";

    @Autowired
    private AccountRepository accounts;
    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private AuditLog auditLog;
    @Autowired
    private DataSource dataSource;

    private IssuedSubjects subjects;
    private String operator;
    private String token;

    @BeforeEach
    void operator() {
        subjects = new JdbcIssuedSubjects(dataSource, Clock.systemUTC());
        operator = "ops-merge-" + UUID.randomUUID();
        token = signet().token(operator, ALL_SCOPES.split(" "));
    }

    @Test
    void thePreviewShowsWhatWouldMoveAndWhoWouldBeToldAndChangesNothing() throws Exception {
        Account source = newAccount();
        Account target = newAccount();
        link(source, "vehicle-tax", "VT-" + source.id());
        String service = relyingPartyWithEventsUri();
        subjects.record(source.id(), List.of(service));

        HttpResponse<String> response = get("/accounts/" + source.id() + "/merge-preview?into=" + target.id(),
                signet().token(operator, "admin.read"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = json(response);
        assertThat(preview.get("possible").asBoolean()).isTrue();
        assertThat(preview.get("conflicts").isEmpty()).isTrue();
        assertThat(preview.get("identities_to_move").get(0).get("legacy_subject").asString())
                .isEqualTo("VT-" + source.id());
        assertThat(preview.get("relying_parties_to_tell").get(0).asString()).isEqualTo(service);
        assertThat(preview.get("source_etag").asString()).isEqualTo(etagOf(source));
        assertThat(preview.get("target_etag").asString()).isEqualTo(etagOf(target));
        assertThat(links.findByAccount(source.id())).hasSize(1);
        assertThat(lastActionOf(operator).event().type().value()).isEqualTo("operator.account.merge_previewed");
    }

    @Test
    void aMergeMovesTheIdentitiesMarksTheSourceQueuesTheEventAndTheSessionEndingAndAnUndoRestoresIt()
            throws Exception {
        Account source = newAccount();
        Account target = newAccount();
        String legacySubject = "VT-" + source.id();
        link(source, "vehicle-tax", legacySubject);
        String service = relyingPartyWithEventsUri();
        subjects.record(source.id(), List.of(service));

        HttpResponse<String> merged = merge(source, target, etagOf(source), etagOf(target), token);

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode body = json(merged);
        assertThat(body.get("source").get("status").asString()).isEqualTo("MERGED");
        assertThat(body.get("relying_parties_told").get(0).asString()).isEqualTo(service);
        assertThat(body.get("merge").get("merged_by").asString()).isEqualTo("OPERATOR:" + operator);
        assertThat(merged.headers().firstValue("ETag")).contains(etagOf(source));
        assertThat(links.find("vehicle-tax", legacySubject).orElseThrow().accountId()).isEqualTo(target.id());
        assertThat(rows("SELECT count(*) FROM security_event_delivery WHERE client_id = ? AND account_id = ? "
                + "AND new_account_id = ? AND event_type = 'ACCOUNT_MERGED'", service, source.id(), target.id()))
                .isEqualTo(1);
        assertThat(rows("SELECT count(*) FROM account_session_ending WHERE account_id = ? AND reason = 'MERGE'",
                source.id())).isEqualTo(1);
        JsonNode sourceView = json(get("/accounts/" + source.id(), token));
        assertThat(sourceView.get("merged_into").asString()).isEqualTo(target.id().toString());
        JsonNode targetView = json(get("/accounts/" + target.id(), token));
        assertThat(targetView.get("linked_identities").get(0).get("legacy_subject").asString())
                .isEqualTo(legacySubject);
        assertThat(targetView.get("merges_into_this").get(0).get("source_account_id").asString())
                .isEqualTo(source.id().toString());
        assertThat(auditOf(target, AuditEventType.ACCOUNTS_MERGED).get(0).event().details())
                .containsEntry("role", "target")
                .containsEntry("reason", "SUP-9 same person");

        HttpResponse<String> undone = send("POST", "/accounts/" + source.id() + "/merge/undo", etagOf(source),
                "{\"reason\":\"SUP-10 two different people\"}", token);

        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(json(undone).get("restored").get(0).get("legacy_subject").asString()).isEqualTo(legacySubject);
        assertThat(json(undone).get("source").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(links.find("vehicle-tax", legacySubject).orElseThrow().accountId()).isEqualTo(source.id());
        assertThat(json(get("/accounts/" + source.id(), token)).get("merged_into").isNull()).isTrue();
        assertThat(auditOf(source, AuditEventType.ACCOUNT_MERGE_UNDONE).get(0).event().details())
                .containsEntry("identities_restored", "1").containsEntry("reason", "SUP-10 two different people");
    }

    @Test
    void aRetriedMergeWithTheSameIdempotencyKeyGetsTheSameAnswerAndMergesOnce() throws Exception {
        Account source = newAccount();
        Account target = newAccount();
        String body = mergeBody(target, etagOf(target));
        String key = "\"" + UUID.randomUUID() + "\"";
        String ifMatch = etagOf(source);

        HttpResponse<String> first = send("POST", "/accounts/" + source.id() + "/merge", ifMatch, body, token, key);
        HttpResponse<String> retry = send("POST", "/accounts/" + source.id() + "/merge", ifMatch, body, token, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).get("merge").get("id")).isEqualTo(json(first).get("merge").get("id"));
        assertThat(rows("SELECT count(*) FROM account_merge WHERE source_account_id = ?", source.id())).isEqualTo(1);
    }

    @Test
    void mergeErrorsAreProblemDocuments() throws Exception {
        Account source = newAccount();
        Account target = newAccount();
        Account third = newAccount();
        UUID unknown = UUID.randomUUID();

        assertProblem(merge(source, source, etagOf(source), etagOf(source), token), 400,
                "https://signet.dev/problems/merge-into-itself");
        assertProblem(get("/accounts/" + source.id() + "/merge-preview?into=" + unknown, token), 404, "about:blank");
        assertProblem(send("POST", "/accounts/" + unknown + "/merge", "\"x\"", mergeBody(target, etagOf(target)),
                token), 404, "about:blank");
        assertProblem(merge(source, target, "\"stale\"", etagOf(target), token), 412,
                "https://signet.dev/problems/precondition-failed");
        assertProblem(merge(source, target, etagOf(source), "\"stale\"", token), 412,
                "https://signet.dev/problems/precondition-failed");
        assertProblem(merge(source, target, null, etagOf(target), token), 428,
                "https://signet.dev/problems/precondition-required");
        assertProblem(merge(source, target, etagOf(source), etagOf(target),
                signet().token(operator, "admin.read", "admin.support")), 403,
                "https://signet.dev/problems/insufficient-scope");
        assertThat(merge(source, target, etagOf(source), etagOf(target), token).statusCode()).isEqualTo(200);

        HttpResponse<String> again = merge(source, third, etagOf(source), etagOf(third), token);
        assertProblem(again, 409, "https://signet.dev/problems/already-merged");
        assertThat(json(again).get("merged_into").asString()).isEqualTo(target.id().toString());
        HttpResponse<String> chained = merge(target, third, etagOf(target), etagOf(third), token);
        assertProblem(chained, 409, "https://signet.dev/problems/merge-conflict");
        assertThat(json(chained).get("conflict").asString()).isEqualTo("SOURCE_HOLDS_MERGES");
        JsonNode preview = json(get("/accounts/" + target.id() + "/merge-preview?into=" + third.id(), token));
        assertThat(preview.get("possible").asBoolean()).isFalse();
        assertThat(preview.get("conflicts").get(0).get("conflict").asString()).isEqualTo("SOURCE_HOLDS_MERGES");
        assertProblem(send("POST", "/accounts/" + third.id() + "/merge/undo", etagOf(third),
                "{\"reason\":\"SUP-11\"}", token), 409, "https://signet.dev/problems/not-merged");
        assertProblem(send("POST", "/accounts/" + source.id() + "/merge/undo", etagOf(source), "{}", token), 400,
                "https://signet.dev/problems/invalid-request");
    }

    @Test
    void anOperatorLinksAndUnlinksALegacyIdentityAndFindsTheAccountByIt() throws Exception {
        Account account = newAccount();
        Account other = newAccount();
        String subject = "SL-" + account.id();
        String service = relyingPartyWithEventsUri();
        subjects.record(account.id(), List.of(service));

        HttpResponse<String> linked = send("POST", "/accounts/" + account.id() + "/linked-identities",
                etagOf(account), "{\"connector_id\":\"student-loans\",\"legacy_subject\":\"" + subject
                        + "\",\"reason\":\"SUP-20 letter\"}", token);

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(json(linked).get("linked_identity").get("linked_by").asString()).isEqualTo("operator");
        JsonNode found = json(get("/accounts?connector_id=student-loans&legacy_subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8), token));
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(account.id().toString());
        assertThat(json(get("/accounts/" + account.id(), token)).get("linked_identities").get(0)
                .get("connector_id").asString()).isEqualTo("student-loans");

        HttpResponse<String> elsewhere = send("POST", "/accounts/" + other.id() + "/linked-identities",
                etagOf(other), "{\"connector_id\":\"student-loans\",\"legacy_subject\":\"" + subject
                        + "\",\"reason\":\"SUP-21\"}", token);
        assertProblem(elsewhere, 409, "https://signet.dev/problems/already-linked");
        assertThat(json(elsewhere).get("account_id").asString()).isEqualTo(account.id().toString());

        HttpResponse<String> unlinked = send("DELETE", "/accounts/" + account.id()
                + "/linked-identities?connector_id=student-loans&legacy_subject=" + subject + "&reason=SUP-22",
                etagOf(account), null, signet().token(operator, "admin.read", "admin.support"));

        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
        assertThat(json(unlinked).get("relying_parties_told").get(0).asString()).isEqualTo(service);
        assertThat(links.find("student-loans", subject)).isEmpty();
        assertThat(rows("SELECT count(*) FROM security_event_delivery WHERE client_id = ? AND account_id = ? "
                + "AND event_type = 'LEGACY_IDENTITY_UNLINKED' AND legacy_subject = ?", service, account.id(),
                subject)).isEqualTo(1);
        assertThat(json(get("/accounts?connector_id=student-loans&legacy_subject=" + subject, token)).get("items")
                .isEmpty()).isTrue();
        assertProblem(send("DELETE", "/accounts/" + account.id() + "/linked-identities?connector_id=student-loans"
                + "&legacy_subject=" + subject + "&reason=SUP-23", etagOf(account), null, token), 404,
                "about:blank");
        assertProblem(send("POST", "/accounts/" + account.id() + "/linked-identities", etagOf(account),
                "{\"connector_id\":\"student-loans\",\"legacy_subject\":\"x\",\"reason\":\"SUP-24\"}",
                signet().token(operator, "admin.read", "admin.support")), 403,
                "https://signet.dev/problems/insufficient-scope");
        assertProblem(get("/accounts?connector_id=student-loans", token), 400,
                "https://signet.dev/problems/invalid-request");
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(value ->
                assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.has("type") ? problem.get("type").asString() : "about:blank").isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> merge(Account source, Account target, String ifMatch, String targetEtag,
            String token) throws Exception {
        return send("POST", "/accounts/" + source.id() + "/merge", ifMatch, mergeBody(target, targetEtag), token);
    }

    private static String mergeBody(Account target, String targetEtag) {
        return "{\"into\":\"" + target.id() + "\",\"target_etag\":" + JSON.writeValueAsString(targetEtag)
                + ",\"reason\":\"SUP-9 same person\"}";
    }

    private Account newAccount() {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        return accounts.create(new Account(id, "merge-" + id + "@example.com", true, Optional.empty(),
                AccountStatus.ACTIVE, now, now));
    }

    private void link(Account account, String connectorId, String legacySubject) {
        links.link(new LinkedIdentity(account.id(), connectorId, legacySubject, Instant.now(), "new_account",
                Optional.empty()));
    }

    private String relyingPartyWithEventsUri() {
        String clientId = "merge-rp-" + UUID.randomUUID();
        new JdbcRelyingPartyRepository(dataSource, Clock.systemUTC()).save(new RelyingParty(clientId,
                "Service " + clientId, List.of(URI.create("https://rp.example/callback")), List.of(),
                Optional.empty(), TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                "rp.example", SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"), Set.of(),
                List.of("Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN)
                .withSecurityEvents(Optional.of(URI.create("https://rp.example/events")), Optional.empty()));
        return clientId;
    }

    private int rows(String sql, Object... params) {
        return JdbcClient.create(dataSource).sql(sql).params(params).query(Integer.class).single();
    }

    private List<AuditEntry> auditOf(Account account, AuditEventType type) {
        return auditLog.find(AuditFilter.ALL.withAccount(account.id()).withTypes(Set.of(type)), Optional.empty(), 10)
                .entries();
    }

    private AuditEntry lastActionOf(String actor) {
        return auditLog.find(AuditFilter.ALL.withActor(null, actor), Optional.empty(), 1).entries().get(0);
    }

    private String etagOf(Account account) throws Exception {
        HttpResponse<String> response = get("/accounts/" + account.id(), signet().token("ops-reader", "admin.read"));
        return response.headers().firstValue("ETag").orElse("\"gone\"");
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body, String token)
            throws IOException, InterruptedException {
        return send(method, path, ifMatch, body, token, "\"" + UUID.randomUUID() + "\"");
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body, String token,
            String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "admin-api-test/1.0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.header("Idempotency-Key", idempotencyKey);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
