package dev.signet.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
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
import dev.signet.core.logout.SessionEnding;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.notify.AccountNoticeOutbox;
import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.PasskeyUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Interventions, second-factor resets, phone searches and erasure through the admin API, on real PostgreSQL. What
 * identity-server does with the queued session endings is shown by its AdminApiEndToEndIT.
 */
class AccountActionsIT extends AdminApiIntegrationTest {

    private static final String SUPPORT = "admin.support";
    private static final String MANAGE = "admin.manage";

    @Autowired
    private AccountRepository accounts;
    @Autowired
    private SecondFactorRepository secondFactors;
    @Autowired
    private RecoveryCodeRepository recoveryCodes;
    @Autowired
    private PasskeyRepository passkeys;
    @Autowired
    private SessionEndingOutbox sessionEndings;
    @Autowired
    private AuditLog auditLog;
    @Autowired
    private AccountNoticeOutbox notices;

    // ---- interventions ----

    @Test
    void aSuspensionIsStoredAuditedAndQueuesTheEndOfTheAccountsSessions() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String operator = "ops-suspend-" + UUID.randomUUID();
        String etag = etagOf(account);

        HttpResponse<String> response = intervene(account, etag, "suspend", "SUP-1 stolen phone",
                signet().token(operator, SUPPORT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("previous_status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("account").get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(body.get("sessions_ending").asBoolean()).isTrue();
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).isNotEqualTo(etag));
        assertThat(accounts.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(sessionEndings.pendingFor(account.id())).isEqualTo(1);
        AuditEntry entry = lastActionOf(operator);
        assertThat(entry.event().type()).isEqualTo(AuditEventType.OPERATOR_INTERVENTION);
        assertThat(entry.event().accountId()).contains(account.id());
        assertThat(entry.event().origin().clientAddress()).contains("127.0.0.1");
        assertThat(entry.event().details()).containsEntry("intervention", "suspend")
                .containsEntry("previous_status", "ACTIVE").containsEntry("status", "SUSPENDED")
                .containsEntry("reason", "SUP-1 stolen phone");
        JsonNode view = json(get("/accounts/" + account.id(), signet().token("ops-reader", "admin.read")));
        assertThat(view.get("pending_session_endings").asInt()).isEqualTo(1);
    }

    @Test
    void placingOrLiftingABlockNeedsTheManageScope() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String support = signet().token("ops-support", SUPPORT);
        String manager = signet().token("ops-manager", MANAGE);

        HttpResponse<String> refused = intervene(account, etagOf(account), "block", "FRAUD-9", support);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asString()).isEqualTo("https://signet.dev/problems/insufficient-scope");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("insufficient_scope").contains("admin.manage"));
        assertThat(accounts.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);

        assertThat(intervene(account, etagOf(account), "block", "FRAUD-9", manager).statusCode()).isEqualTo(200);
        assertThat(intervene(account, etagOf(account), "lift", "FRAUD-9 cleared", support).statusCode())
                .isEqualTo(403);
        HttpResponse<String> lifted = intervene(account, etagOf(account), "lift", "FRAUD-9 cleared", manager);

        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(json(lifted).get("sessions_ending").asBoolean()).isFalse();
        assertThat(accounts.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(sessionEndings.pendingFor(account.id())).as("only the block ends sessions").isEqualTo(1);
        assertThat(intervene(account, etagOf(account), "suspend", "SUP-2", manager).statusCode())
                .as("scopes are separate: manage does not include support").isEqualTo(403);
    }

    @Test
    void anInterventionTheStatusDoesNotAllowIsAConflict() throws Exception {
        Account account = newAccount(AccountStatus.SUSPENDED);
        String token = signet().token("ops-conflict", SUPPORT);

        HttpResponse<String> response = intervene(account, etagOf(account), "require-password-reset", "SUP-3", token);

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://signet.dev/problems/invalid-transition");
        assertThat(problem.get("current_status").asString()).isEqualTo("SUSPENDED");
        assertThat(intervene(account, etagOf(account), "suspend", "SUP-3", token).statusCode())
                .as("already suspended").isEqualTo(409);
        assertThat(sessionEndings.pendingFor(account.id())).isZero();
    }

    @Test
    void anUnknownTypeOrAMissingReasonIsAValidationProblem() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String token = signet().token("ops-invalid", SUPPORT);

        HttpResponse<String> unknown = intervene(account, etagOf(account), "freeze", "SUP-4", token);
        HttpResponse<String> noReason = intervene(account, etagOf(account), "suspend", " ", token);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errors").get(0).get("parameter").asString()).isEqualTo("type");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("errors").get(0).get("parameter").asString()).isEqualTo("reason");
        assertThat(accounts.findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void changesNeedTheCurrentETagOfAnAccountThatExists() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String token = signet().token("ops-etag", SUPPORT, MANAGE);
        String stale = etagOf(account);
        accounts.updateStatus(account.id(), AccountStatus.PASSWORD_RESET_REQUIRED);

        HttpResponse<String> withoutIfMatch = intervene(account, null, "suspend", "SUP-5", token);
        HttpResponse<String> withStale = intervene(account, stale, "suspend", "SUP-5", token);
        HttpResponse<String> unknown = send("POST", "/accounts/" + UUID.randomUUID() + "/interventions", stale,
                "{\"type\":\"suspend\",\"reason\":\"SUP-5\"}", token);
        HttpResponse<String> staleReset = send("DELETE", "/accounts/" + account.id() + "/second-factors?reason=SUP-5",
                stale, null, token);
        HttpResponse<String> staleErasure = send("POST", "/accounts/" + account.id() + "/erasure", stale,
                "{\"reason\":\"SUP-5\"}", token);

        assertThat(withoutIfMatch.statusCode()).isEqualTo(428);
        assertThat(json(withoutIfMatch).get("type").asString())
                .isEqualTo("https://signet.dev/problems/precondition-required");
        assertThat(withStale.statusCode()).isEqualTo(412);
        assertThat(json(withStale).get("type").asString()).isEqualTo("https://signet.dev/problems/precondition-failed");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(staleReset.statusCode()).isEqualTo(412);
        assertThat(staleErasure.statusCode()).isEqualTo(412);
        assertThat(accounts.findById(account.id()).orElseThrow().status())
                .isEqualTo(AccountStatus.PASSWORD_RESET_REQUIRED);
    }

    // ---- second factors ----

    @Test
    void theViewShowsFactorsWithoutSecretsAndAResetRemovesThemAndTheRecoveryCodes() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String number = uniqueNumber();
        secondFactors.save(SecondFactor.textMessage(UUID.randomUUID(), account.id(), number, Instant.now()));
        secondFactors.save(SecondFactor.authenticatorApp(UUID.randomUUID(), account.id(), new byte[] {9, 9, 9},
                Instant.now()));
        recoveryCodes.replace(account.id(), List.of("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$Y29kZTE",
                "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$Y29kZTI"), Instant.now());
        addPasskey(account);

        HttpResponse<String> viewed = get("/accounts/" + account.id(), signet().token("ops-reader", "admin.read"));
        JsonNode factors = json(viewed).get("second_factors");
        assertThat(factors).hasSize(2);
        assertThat(factors.get(0).get("kind").asString()).isEqualTo("TEXT_MESSAGE");
        assertThat(factors.get(0).get("phone_number").asString())
                .isEqualTo("+*********" + number.substring(number.length() - 3));
        assertThat(factors.get(1).get("kind").asString()).isEqualTo("AUTHENTICATOR_APP");
        assertThat(json(viewed).get("passkeys").get(0).get("name").asString()).isEqualTo("Work laptop");
        assertThat(viewed.body()).doesNotContain(number).doesNotContain("argon2").doesNotContain("totp");

        String operator = "ops-reset-" + UUID.randomUUID();
        HttpResponse<String> reset = send("DELETE", "/accounts/" + account.id()
                + "/second-factors?reason=SUP-6%20lost%20phone", viewed.headers().firstValue("ETag").orElseThrow(),
                null, signet().token(operator, SUPPORT));

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(json(reset).get("second_factors_removed").asInt()).isEqualTo(2);
        assertThat(json(reset).get("recovery_codes_removed").asInt()).isEqualTo(2);
        assertThat(json(reset).get("passkeys_removed").asInt()).isZero();
        assertThat(secondFactors.findByAccount(account.id())).isEmpty();
        assertThat(recoveryCodes.unusedHashes(account.id())).isEmpty();
        assertThat(passkeys.findByAccount(account.id())).as("kept unless asked").hasSize(1);
        assertThat(json(reset).get("citizen_notified").asBoolean()).isTrue();
        assertThat(notices.pendingFor(account.id())).as("an email for identity-server to send").isEqualTo(1);
        assertThat(reset.headers().firstValue("ETag")).isNotEqualTo(viewed.headers().firstValue("ETag"));
        AuditEntry entry = lastActionOf(operator);
        assertThat(entry.event().type()).isEqualTo(AuditEventType.OPERATOR_SECOND_FACTORS_RESET);
        assertThat(entry.event().details()).containsEntry("second_factors", "2").containsEntry("reason",
                "SUP-6 lost phone");

        HttpResponse<String> withPasskeys = send("DELETE", "/accounts/" + account.id()
                + "/second-factors?reason=SUP-6&passkeys=true", reset.headers().firstValue("ETag").orElseThrow(),
                null, signet().token(operator, SUPPORT));
        assertThat(json(withPasskeys).get("passkeys_removed").asInt()).isEqualTo(1);
        assertThat(passkeys.findByAccount(account.id())).isEmpty();
        assertThat(passkeys.findUserByAccount(account.id())).isEmpty();
    }

    @Test
    void aResetNeedsTheSupportScope() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        secondFactors.save(SecondFactor.email(UUID.randomUUID(), account.id(), Instant.now()));

        HttpResponse<String> response = send("DELETE", "/accounts/" + account.id() + "/second-factors?reason=x",
                etagOf(account), null, signet().token("ops-reader", "admin.read"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(secondFactors.findByAccount(account.id())).hasSize(1);
        assertThat(notices.pendingFor(account.id())).isZero();
    }

    // ---- search by phone ----

    @Test
    void accountsAreFoundByTheirPhoneNumberTypedAsPeopleTypeIt() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String number = uniqueNumber();
        secondFactors.save(SecondFactor.textMessage(UUID.randomUUID(), account.id(), number, Instant.now()));
        String typed = "0" + number.substring(3, 7) + " " + number.substring(7);
        String operator = "ops-phone-" + UUID.randomUUID();

        HttpResponse<String> found = get("/accounts?phone=" + URLEncoder.encode(typed, StandardCharsets.UTF_8),
                signet().token(operator, "admin.read"));
        HttpResponse<String> international = get("/accounts?phone=" + URLEncoder.encode("0044 " + number.substring(3),
                StandardCharsets.UTF_8), signet().token(operator, "admin.read"));
        HttpResponse<String> nonsense = get("/accounts?phone=12", signet().token(operator, "admin.read"));
        HttpResponse<String> both = get("/accounts?phone=" + number.substring(1) + "&email=a@example.com",
                signet().token(operator, "admin.read"));

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).get("items")).hasSize(1);
        assertThat(json(found).get("items").get(0).get("id").asString()).isEqualTo(account.id().toString());
        assertThat(json(international).get("items").get(0).get("id").asString()).isEqualTo(account.id().toString());
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(json(nonsense).get("errors").get(0).get("parameter").asString()).isEqualTo("phone");
        assertThat(both.statusCode()).isEqualTo(400);
        List<AuditEntry> searches = auditLog.find(AuditFilter.ALL.withActor(null, operator), Optional.empty(), 10)
                .entries();
        assertThat(searches).extracting(entry -> entry.event().details().get("criteria")).contains("phone");
        assertThat(searches).allSatisfy(entry -> assertThat(entry.event().details()).doesNotContainValue(number)
                .doesNotContainValue(typed));
    }

    // ---- erasure ----

    @Test
    void anErasureReturnsTheDataThenLeavesNothingOfTheAccountButItsAuditTrail() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);
        String number = uniqueNumber();
        secondFactors.save(SecondFactor.textMessage(UUID.randomUUID(), account.id(), number, Instant.now()));
        recoveryCodes.replace(account.id(), List.of("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$Y29kZTE"), Instant.now());
        addPasskey(account);
        auditLog.append(new AuditEvent(Instant.now(), Actor.citizen(account.id()), AuditEventType.SIGN_IN_SUCCEEDED,
                Optional.of(account.id()), AuditOrigin.of("192.0.2.7", "Firefox"), Map.of("level", "Cl")));
        String operator = "ops-erase-" + UUID.randomUUID();
        String token = signet().token(operator, MANAGE);
        String key = "\"" + UUID.randomUUID() + "\"";
        String body = "{\"reason\":\"DPO-7 erasure request\"}";

        HttpResponse<String> erased = send("POST", "/accounts/" + account.id() + "/erasure", etagOf(account), body,
                token, key);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(erased.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode export = json(erased).get("export");
        assertThat(export.get("account").get("email").asString()).isEqualTo(account.email());
        assertThat(export.get("second_factors").get(0).get("phone_number").asString()).isEqualTo(number);
        assertThat(export.get("unused_recovery_codes").asInt()).isEqualTo(1);
        assertThat(export.get("passkeys").get(0).get("name").asString()).isEqualTo("Work laptop");
        assertThat(export.get("audit_entries").get(0).get("type").asString()).isEqualTo("sign_in.succeeded");
        assertThat(erased.body()).doesNotContain("argon2");
        assertThat(accounts.findById(account.id())).isEmpty();
        assertThat(secondFactors.findByAccount(account.id())).isEmpty();
        assertThat(recoveryCodes.unusedHashes(account.id())).isEmpty();
        assertThat(passkeys.findByAccount(account.id())).isEmpty();
        assertThat(passkeys.findUserByAccount(account.id())).isEmpty();
        List<SessionEnding> queued = sessionEndings.claimDue(1000, Duration.ofSeconds(1)).stream()
                .filter(command -> command.accountId().equals(account.id())).toList();
        assertThat(queued).extracting(SessionEnding::reason).containsExactly(SessionEndingReason.ERASURE);
        AuditEntry entry = lastActionOf(operator);
        assertThat(entry.event().type()).isEqualTo(AuditEventType.OPERATOR_ACCOUNT_ERASED);
        assertThat(entry.event().accountId()).contains(account.id());
        assertThat(entry.event().details()).containsEntry("reason", "DPO-7 erasure request");

        HttpResponse<String> retried = send("POST", "/accounts/" + account.id() + "/erasure", etagOf(account), body,
                token, key);
        // The export is personal data of an erased account: never kept for a replay, so the retry is told it was done.
        assertThat(retried.statusCode()).isEqualTo(409);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retried.body()).contains("idempotency-response-not-kept").doesNotContain(account.email());
        HttpResponse<String> again = send("POST", "/accounts/" + account.id() + "/erasure", etagOf(account), body,
                token);
        assertThat(again.statusCode()).as("a new request for an erased account").isEqualTo(404);
    }

    @Test
    void anErasureNeedsTheManageScopeAndAnIdempotencyKey() throws Exception {
        Account account = newAccount(AccountStatus.ACTIVE);

        HttpResponse<String> support = send("POST", "/accounts/" + account.id() + "/erasure", etagOf(account),
                "{\"reason\":\"x\"}", signet().token("ops-support", SUPPORT));
        HttpResponse<String> withoutKey = send("POST", "/accounts/" + account.id() + "/erasure", etagOf(account),
                "{\"reason\":\"x\"}", signet().token("ops-manager", MANAGE), null);

        assertThat(support.statusCode()).isEqualTo(403);
        assertThat(withoutKey.statusCode()).isEqualTo(400);
        assertThat(json(withoutKey).get("type").asString())
                .isEqualTo("https://signet.dev/problems/idempotency-key-missing");
        assertThat(accounts.findById(account.id())).isPresent();
    }

    // ---- helpers ----

    private Account newAccount(AccountStatus status) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return accounts.create(new Account(UUID.randomUUID(), "actions-" + UUID.randomUUID() + "@example.com", true,
                Optional.of("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"), status, now, now));
    }

    private void addPasskey(Account account) {
        passkeys.saveUserIfAbsent(new PasskeyUser(account.id(), "h-" + UUID.randomUUID(), Instant.now()));
        passkeys.save(new Passkey("c-" + UUID.randomUUID(), account.id(), "Work laptop", new byte[] {1, 2},
                0, true, true, false, Set.of("internal"), new byte[] {3}, new byte[] {4}, Instant.now(),
                Optional.empty()));
    }

    private static String uniqueNumber() {
        return "+4477009" + String.format("%05d", (int) (Math.random() * 100_000));
    }

    private String etagOf(Account account) throws Exception {
        HttpResponse<String> response = get("/accounts/" + account.id(), signet().token("ops-reader", "admin.read"));
        return response.headers().firstValue("ETag").orElse("\"gone\"");
    }

    private AuditEntry lastActionOf(String operator) {
        return auditLog.find(AuditFilter.ALL.withActor(null, operator), Optional.empty(), 1).entries().get(0);
    }

    private HttpResponse<String> intervene(Account account, String ifMatch, String type, String reason,
            String token) throws Exception {
        return send("POST", "/accounts/" + account.id() + "/interventions", ifMatch,
                "{\"type\":\"" + type + "\",\"reason\":\"" + reason + "\"}", token);
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
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
