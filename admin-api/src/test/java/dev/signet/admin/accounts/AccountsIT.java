package dev.signet.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.admin.web.EntityTags;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AccountsIT extends AdminApiIntegrationTest {

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private AuditLog auditLog;

    private Account newAccount(String email) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return accounts.create(new Account(UUID.randomUUID(), email, true,
                Optional.of("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"), AccountStatus.SUSPENDED,
                now, now));
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void searchByEmailFindsTheAccountIgnoringCaseAndNeverShowsTheHash() throws Exception {
        Account account = newAccount(unique("Ada"));

        HttpResponse<String> response = get("/accounts?email=" + account.email().toUpperCase(),
                signet().token("ops-search", "admin.read"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("items")).hasSize(1);
        JsonNode found = body.get("items").get(0);
        assertThat(found.get("id").asString()).isEqualTo(account.id().toString());
        assertThat(found.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(found.get("has_password").asBoolean()).isTrue();
        assertThat(body.get("next_cursor").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("argon2");
    }

    @Test
    void searchesAreAuditedWithTheOperatorAndWhereTheyCameFrom() throws Exception {
        Account account = newAccount(unique("grace"));
        String missing = unique("nobody");

        get("/accounts?email=" + account.email(), signet().token("ops-audited", "admin.read"));
        HttpResponse<String> none = get("/accounts?email=" + missing, signet().token("ops-audited", "admin.read"));

        assertThat(json(none).get("items")).isEmpty();
        List<AuditEntry> entries = auditLog.find(AuditFilter.ALL.withActor(null, "ops-audited"), Optional.empty(),
                10).entries();
        assertThat(entries).hasSize(2);
        AuditEntry miss = entries.get(0);
        AuditEntry hit = entries.get(1);
        assertThat(hit.event().type()).isEqualTo(AuditEventType.OPERATOR_ACCOUNTS_SEARCHED);
        assertThat(hit.event().accountId()).contains(account.id());
        assertThat(hit.event().details()).containsEntry("results", "1");
        assertThat(hit.event().origin().clientAddress()).contains("127.0.0.1");
        assertThat(hit.event().origin().userAgent()).contains("admin-api-test/1.0");
        assertThat(miss.event().accountId()).isEmpty();
        assertThat(miss.event().details()).containsEntry("results", "0").doesNotContainValue(missing);
    }

    @Test
    void aSearchWithoutAUsableEmailIsAValidationProblem() throws Exception {
        String token = signet().token("ops-bad-search", "admin.read");

        for (String query : List.of("", "?email=", "?email=not-an-address")) {
            HttpResponse<String> response = get("/accounts" + query, token);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.get("type").asString()).isEqualTo("https://signet.dev/problems/invalid-request");
            assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("email");
        }
    }

    @Test
    void viewShowsTheAccountItsRecentSignInsAndItsVersionAsETag() throws Exception {
        Account account = newAccount(unique("alan"));
        UUID other = UUID.randomUUID();
        Instant now = Instant.now();
        auditLog.appendAll(List.of(
                new AuditEvent(now.minusSeconds(30), Actor.anonymous(), AuditEventType.SIGN_IN_FAILED,
                        Optional.of(account.id()), AuditOrigin.of("192.0.2.1", "Firefox"),
                        Map.of("step", "password", "outcome", "invalid_credentials")),
                new AuditEvent(now.minusSeconds(20), Actor.citizen(account.id()), AuditEventType.SIGN_IN_SUCCEEDED,
                        Optional.of(account.id()), AuditOrigin.of("192.0.2.1", "Firefox"), Map.of("level", "Cl")),
                new AuditEvent(now.minusSeconds(10), Actor.citizen(other), AuditEventType.SIGN_IN_SUCCEEDED,
                        Optional.of(other), AuditOrigin.NONE, Map.of("level", "Cl"))));

        HttpResponse<String> response = get("/accounts/" + account.id(), signet().token("ops-view", "admin.read"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains(EntityTags.of(account.updatedAt()));
        JsonNode body = json(response);
        assertThat(body.get("account").get("email").asString()).isEqualTo(account.email());
        assertThat(body.get("sessions_available").asBoolean()).as("no signet.redis.url here").isFalse();
        assertThat(body.path("sessions").isArray()).as("unknown, never a made-up empty list").isFalse();
        JsonNode signIns = body.get("recent_sign_ins");
        assertThat(signIns).hasSize(2);
        assertThat(signIns.get(0).get("type").asString()).isEqualTo("sign_in.succeeded");
        assertThat(signIns.get(1).get("details").get("outcome").asString()).isEqualTo("invalid_credentials");
        assertThat(signIns.get(0).get("hash").asString()).hasSize(64);

        AuditEntry viewed = auditLog.find(AuditFilter.ALL.withActor(null, "ops-view"), Optional.empty(), 1)
                .entries().get(0);
        assertThat(viewed.event().type()).isEqualTo(AuditEventType.OPERATOR_ACCOUNT_VIEWED);
        assertThat(viewed.event().accountId()).contains(account.id());
    }

    @Test
    void anUnknownOrMalformedIdIsAProblem() throws Exception {
        String token = signet().token("ops-missing", "admin.read");

        HttpResponse<String> unknown = get("/accounts/" + UUID.randomUUID(), token);
        HttpResponse<String> malformed = get("/accounts/not-a-uuid", token);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(json(unknown).get("status").asInt()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
    }
}
