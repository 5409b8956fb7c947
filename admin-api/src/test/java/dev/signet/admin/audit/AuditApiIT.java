package dev.signet.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditChain;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AuditApiIT extends AdminApiIntegrationTest {

    @Autowired
    private AuditLog auditLog;

    @Autowired
    private DataSource dataSource;

    private List<AuditEntry> signInsOf(UUID account, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new AuditEvent(Instant.now(), Actor.citizen(account), AuditEventType.SIGN_IN_SUCCEEDED,
                    Optional.of(account), AuditOrigin.of("192.0.2.9", "Firefox"), Map.of("level", "Cl")));
        }
        return auditLog.appendAll(events);
    }

    @Test
    void searchFiltersAndPagesWithCursors() throws Exception {
        UUID account = UUID.randomUUID();
        List<AuditEntry> written = signInsOf(account, 5);
        String token = signet().token("ops-pager", "audit.read");

        JsonNode first = json(get("/audit?account=" + account + "&limit=2", token));
        JsonNode second = json(get("/audit?account=" + account + "&limit=2&cursor="
                + first.get("next_cursor").asString(), token));
        JsonNode third = json(get("/audit?account=" + account + "&limit=2&cursor="
                + second.get("next_cursor").asString(), token));

        assertThat(seqs(first)).containsExactly(written.get(4).seq(), written.get(3).seq());
        assertThat(seqs(second)).containsExactly(written.get(2).seq(), written.get(1).seq());
        assertThat(seqs(third)).containsExactly(written.get(0).seq());
        assertThat(third.get("next_cursor").isNull()).isTrue();
        JsonNode entry = first.get("items").get(0);
        assertThat(entry.get("actor").get("type").asString()).isEqualTo("CITIZEN");
        assertThat(entry.get("occurred_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(entry.get("client_address").asString()).isEqualTo("192.0.2.9");
    }

    @Test
    void searchByTypeActorAndTime() throws Exception {
        UUID account = UUID.randomUUID();
        signInsOf(account, 1);
        Instant from = Instant.now().minusSeconds(60);
        String token = signet().token("ops-filter", "audit.read");

        JsonNode byType = json(get("/audit?type=sign_in.succeeded&actor=" + account + "&from="
                + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8), token));
        JsonNode none = json(get("/audit?actor=" + account + "&actor_type=OPERATOR", token));

        assertThat(byType.get("items")).hasSize(1);
        assertThat(none.get("items")).isEmpty();
    }

    @Test
    void badFiltersAreValidationProblemsNamingEachParameter() throws Exception {
        HttpResponse<String> response = get("/audit?account=nope&actor_type=ROBOT&type=Not+A+Type&from=yesterday"
                + "&limit=5000", signet().token("ops-bad", "audit.read"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        List<String> parameters = new ArrayList<>();
        problem.get("errors").forEach(error -> parameters.add(error.get("parameter").asString()));
        assertThat(parameters).contains("account", "actor_type", "type", "from");
        assertThat(get("/audit?cursor=garbage", signet().token("ops-bad", "audit.read")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void readingTheLogIsItselfAudited() throws Exception {
        get("/audit?limit=1", signet().token("ops-reads-audit", "audit.read"));

        AuditEntry entry = auditLog.find(AuditFilter.ALL.withActor(null, "ops-reads-audit"), Optional.empty(), 1)
                .entries().get(0);
        assertThat(entry.event().type()).isEqualTo(AuditEventType.OPERATOR_AUDIT_SEARCHED);
        assertThat(entry.event().details()).containsEntry("results", "1");
    }

    @Test
    void exportIsJsonLinesThatRecomputeToTheChain() throws Exception {
        UUID account = UUID.randomUUID();
        List<AuditEntry> written = signInsOf(account, 3);

        HttpResponse<String> response = get("/audit/export?account=" + account,
                signet().token("ops-export", "audit.read"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/jsonl"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment"));
        List<String> lines = response.body().lines().toList();
        // The three sign-ins, then the record of this export (it concerns the same account, and is written first).
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines.get(3)).get("type").asString()).isEqualTo("operator.audit.exported");
        for (int i = 0; i < 3; i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.get("seq").asLong()).isEqualTo(written.get(i).seq());
            assertThat(line.get("hash").asString()).isEqualTo(written.get(i).hash());
            assertThat(lines.get(i)).isEqualTo(AuditChain.exportLine(written.get(i)));
        }
        // Consecutive entries of one account in one append link to each other.
        assertThat(JSON.readTree(lines.get(1)).get("prev").asString()).isEqualTo(written.get(0).hash());
        AuditEntry exported = auditLog.find(AuditFilter.ALL.withActor(null, "ops-export"), Optional.empty(), 1)
                .entries().get(0);
        assertThat(exported.event().type()).isEqualTo(AuditEventType.OPERATOR_AUDIT_EXPORTED);
        assertThat(exported.event().details()).containsEntry("filter_account", account.toString());
    }

    @Test
    void verifyReportsAnIntactChainAndTheFirstBrokenLinkAfterTampering() throws Exception {
        String token = signet().token("ops-verify", "audit.read");
        AuditEntry victim = signInsOf(UUID.randomUUID(), 1).get(0);

        JsonNode intact = json(get("/audit/verify", token));
        assertThat(intact.get("status").asString()).isEqualTo("intact");
        assertThat(intact.get("entries").asLong()).isGreaterThanOrEqualTo(victim.seq());

        tamper("UPDATE audit_entry SET client_address = '10.9.9.9' WHERE seq = ?", victim.seq());
        try {
            JsonNode broken = json(get("/audit/verify", token));
            assertThat(broken.get("status").asString()).isEqualTo("broken");
            assertThat(broken.get("broken_at").asLong()).isEqualTo(victim.seq());
            assertThat(broken.get("reason").asString()).contains("has been changed");
        } finally {
            // Put the row back, so the other tests sharing this database see an intact chain.
            tamper("UPDATE audit_entry SET client_address = '192.0.2.9' WHERE seq = ?", victim.seq());
        }
        assertThat(json(get("/audit/verify", token)).get("status").asString()).isEqualTo("intact");
    }

    private void tamper(String sql, long seq) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql(sql).param(seq).update();
        });
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.get("items").forEach(item -> seqs.add(item.get("seq").asLong()));
        return seqs;
    }
}
