package dev.signet.admin.relyingparties;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Relying parties through the admin API on real PostgreSQL: what is stored, validated, audited and refused. That
 * identity-server honours the changes at once is shown by its RelyingPartyAdministrationEndToEndIT.
 */
class RelyingPartiesIT extends AdminApiIntegrationTest {

    private static final String MANAGE = "admin.manage";
    private static final String READ = "admin.read";

    @Autowired
    private ManagedRelyingPartyRepository managed;
    @Autowired
    private AuditLog auditLog;
    @Autowired
    private DataSource dataSource;

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String secretClient(String clientId) {
        return """
                {"client_id": "%s", "client_name": "Renew a fishing licence",
                 "token_endpoint_auth_method": "client_secret_basic",
                 "redirect_uris": ["https://fishing.service.example/callback", "http://127.0.0.1:8765/callback"],
                 "post_logout_redirect_uris": ["https://fishing.service.example/signed-out"],
                 "sector_identifier_uri": null,
                 "subject_type": "public",
                 "grant_types": ["authorization_code", "client_credentials"], "scopes": ["openid", "email"]}
                """.formatted(clientId);
    }

    @Test
    void aRegisteredSecretClientGetsItsSecretOnceAndIsStoredAsItsHash() throws Exception {
        String clientId = uniqueId("reg");
        String operator = uniqueId("ops-register");

        HttpResponse<String> response = send("POST", "/relying-parties", null, secretClient(clientId),
                signet().token(operator, MANAGE));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/relying-parties/" + clientId);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = json(response);
        String secret = body.get("client_secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        JsonNode view = body.get("relying_party");
        assertThat(view.get("enabled").asBoolean()).isTrue();
        assertThat(view.get("source").asString()).isEqualTo("ADMIN");
        assertThat(view.get("has_client_secret").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain(sha256(secret));
        ManagedRelyingParty stored = managed.find(clientId).orElseThrow();
        assertThat(stored.registration().clientSecretSha256()).contains(sha256(secret));
        assertThat(stored.registration().sectorIdentifier()).isEqualTo("fishing.service.example")
                .as("a public-subject client's hosts may differ");

        HttpResponse<String> read = get("/relying-parties/" + clientId, signet().token("ops-reader", READ));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).isPresent();
        assertThat(read.body()).doesNotContain(secret).doesNotContain(sha256(secret));
        AuditEntry entry = lastActionOf(operator);
        assertThat(entry.event().type()).isEqualTo(RelyingPartyAuditEvents.REGISTERED);
        assertThat(entry.event().details()).containsEntry("client_id", clientId)
                .containsEntry("auth_method", "client_secret_basic");
        assertThat(entry.event().details().toString()).doesNotContain(secret);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyNeverReplaysTheSecret() throws Exception {
        String clientId = uniqueId("retry");
        String token = signet().token(uniqueId("ops-retry"), MANAGE);
        String key = "\"" + UUID.randomUUID() + "\"";

        HttpResponse<String> first = send("POST", "/relying-parties", null, secretClient(clientId), token, key);
        HttpResponse<String> retry = send("POST", "/relying-parties", null, secretClient(clientId), token, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).as("the first request was carried out").isEqualTo(409);
        assertThat(retry.body()).contains("idempotency-response-not-kept")
                .doesNotContain(json(first).get("client_secret").asString());
    }

    @Test
    void redirectUrisThatCannotBeMatchedExactlyAreProblemsNamingTheField() throws Exception {
        String body = """
                {"client_id": "%s", "client_name": "Bad URIs", "token_endpoint_auth_method": "none",
                 "redirect_uris": ["https://*.service.example/callback", "https://service.example/cb#top",
                                   "http://service.example/callback", "/callback", "http://localhost:3000/cb"],
                 "backchannel_logout_uri": "http://service.example/logout",
                 "events_uri": "https://service.example/events"}
                """.formatted(uniqueId("bad-uris"));

        HttpResponse<String> response = send("POST", "/relying-parties", null, body,
                signet().token("ops-invalid", MANAGE));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://signet.dev/problems/invalid-request");
        List<String> fields = new ArrayList<>();
        List<String> details = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            fields.add(error.get("parameter").asString());
            details.add(error.get("detail").asString());
        });
        assertThat(fields).containsExactly("redirect_uris", "redirect_uris", "redirect_uris", "redirect_uris",
                "redirect_uris", "backchannel_logout_uri");
        assertThat(details.get(0)).contains("wildcard");
        assertThat(details.get(1)).contains("fragment");
        assertThat(details.get(2)).contains("https");
        assertThat(details.get(3)).contains("absolute");
        assertThat(details.get(4)).contains("127.0.0.1");
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsAProblemNamingTheField() throws Exception {
        String token = signet().token("ops-typo", MANAGE);

        HttpResponse<String> typo = send("POST", "/relying-parties", null, secretClient(uniqueId("typo"))
                .replace("\"redirect_uris\"", "\"redirect_uri\""), token);
        HttpResponse<String> wrongType = send("POST", "/relying-parties", null, secretClient(uniqueId("type"))
                .replace("\"scopes\": [\"openid\", \"email\"]", "\"scopes\": {\"openid\": true}"), token);

        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).get("errors").get(0).get("parameter").asString()).isEqualTo("redirect_uri");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("errors").get(0).get("parameter").asString()).isEqualTo("scopes");
    }

    @Test
    void theOpenApiDocumentDescribesTheRelyingPartyEndpoints() throws Exception {
        JsonNode document = json(get("/v3/api-docs", null));

        assertThat(document.get("paths").propertyNames()).contains("/relying-parties",
                "/relying-parties/{clientId}", "/relying-parties/{clientId}/disable",
                "/relying-parties/{clientId}/enable", "/relying-parties/{clientId}/client-secret",
                "/relying-parties/{clientId}/keys");
    }

    @Test
    void aPairwiseClientOnSeveralHostsNeedsASectorIdentifierDocumentItCanRead() throws Exception {
        String token = signet().token("ops-sector", MANAGE);
        String twoHosts = """
                {"client_id": "%s", "client_name": "Two hosts", "token_endpoint_auth_method": "none",
                 "redirect_uris": ["https://a.service.example/cb", "https://b.service.example/cb"] %s}
                """;

        HttpResponse<String> without = send("POST", "/relying-parties", null,
                twoHosts.formatted(uniqueId("sector"), ""), token);
        HttpResponse<String> plainHttp = send("POST", "/relying-parties", null, twoHosts.formatted(uniqueId("sector"),
                ", \"sector_identifier_uri\": \"http://service.example/sector.json\""), token);
        HttpResponse<String> unreachable = send("POST", "/relying-parties", null, twoHosts.formatted(
                uniqueId("sector"), ", \"sector_identifier_uri\": \"https://127.0.0.1:1/sector.json\""), token);

        for (HttpResponse<String> response : List.of(without, plainHttp, unreachable)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("parameter").asString())
                    .isEqualTo("sector_identifier_uri");
        }
        assertThat(json(without).get("errors").get(0).get("detail").asString()).contains("different hosts");
        assertThat(json(unreachable).get("errors").get(0).get("detail").asString()).contains("could not be fetched");
    }

    @Test
    void changesNeedTheCurrentETagAndAreAuditedWithTheFieldsChanged() throws Exception {
        String clientId = uniqueId("upd");
        String operator = uniqueId("ops-update");
        String token = signet().token(operator, MANAGE, READ);
        assertThat(send("POST", "/relying-parties", null, secretClient(clientId), token).statusCode()).isEqualTo(201);
        String etag = etagOf(clientId);

        HttpResponse<String> withoutIfMatch = send("PATCH", "/relying-parties/" + clientId, null,
                "{\"client_name\": \"Renamed\"}", token);
        HttpResponse<String> patched = send("PATCH", "/relying-parties/" + clientId, etag,
                "{\"client_name\": \"Renamed\", \"claims\": [\"email\"]}", token);
        HttpResponse<String> stale = send("PUT", "/relying-parties/" + clientId, etag, secretClient(clientId), token);

        assertThat(withoutIfMatch.statusCode()).isEqualTo(428);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("client_name").asString()).isEqualTo("Renamed");
        assertThat(json(patched).get("redirect_uris")).hasSize(2);
        assertThat(json(patched).get("has_client_secret").asBoolean()).as("a change keeps the secret").isTrue();
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(lastActionOf(operator).event().details()).containsEntry("changed", "claims,client_name");

        HttpResponse<String> replaced = send("PUT", "/relying-parties/" + clientId, etagOf(clientId),
                secretClient(clientId).replace("client_secret_basic", "private_key_jwt"), token);
        assertThat(replaced.statusCode()).isEqualTo(400);
        assertThat(json(replaced).get("errors").get(0).get("parameter").asString())
                .isEqualTo("token_endpoint_auth_method");
    }

    @Test
    void readingNeedsAdminReadAndChangingNeedsAdminManage() throws Exception {
        String reader = signet().token("ops-reader-only", READ);

        HttpResponse<String> register = send("POST", "/relying-parties", null, secretClient(uniqueId("scope")),
                reader);
        HttpResponse<String> list = get("/relying-parties", signet().token("ops-manager-only", MANAGE));

        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(get("/relying-parties", reader).statusCode()).isEqualTo(200);
    }

    @Test
    void theListIsPagedByCursor() throws Exception {
        String token = signet().token("ops-pages", MANAGE, READ);
        String prefix = "zz-page-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/relying-parties", null, secretClient(prefix + "-" + i), token).statusCode())
                    .isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = ClientIdCursors.encode(prefix);
        for (int pages = 0; pages < 10 && cursor != null; pages++) {
            JsonNode page = json(get("/relying-parties?limit=2&cursor=" + cursor, token));
            page.get("items").forEach(item -> seen.add(item.get("client_id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        }

        assertThat(seen).filteredOn(id -> id.startsWith(prefix))
                .containsExactly(prefix + "-0", prefix + "-1", prefix + "-2");
        assertThat(get("/relying-parties?cursor=nonsense", token).statusCode()).isEqualTo(400);
    }

    @Test
    void aDisabledClientIsNotServedUntilEnabledAndADisableNeedsAReason() throws Exception {
        String clientId = uniqueId("dis");
        String operator = uniqueId("ops-disable");
        String token = signet().token(operator, MANAGE, READ);
        assertThat(send("POST", "/relying-parties", null, secretClient(clientId), token).statusCode()).isEqualTo(201);
        RelyingPartyRepository served = new JdbcRelyingPartyRepository(dataSource, Clock.systemUTC());

        HttpResponse<String> noReason = send("POST", "/relying-parties/" + clientId + "/disable", etagOf(clientId),
                "{}", token);
        HttpResponse<String> disabled = send("POST", "/relying-parties/" + clientId + "/disable", etagOf(clientId),
                "{\"reason\": \"INC-7 leaked secret\"}", token);

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(served.findByClientId(clientId)).isEmpty();
        assertThat(lastActionOf(operator).event().details()).containsEntry("reason", "INC-7 leaked secret");
        assertThat(send("POST", "/relying-parties/" + clientId + "/disable", etagOf(clientId),
                "{\"reason\": \"again\"}", token).statusCode()).isEqualTo(409);

        HttpResponse<String> enabled = send("POST", "/relying-parties/" + clientId + "/enable", etagOf(clientId),
                "{\"reason\": \"INC-7 secret rotated\"}", token);

        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(served.findByClientId(clientId)).isPresent();
    }

    @Test
    void aSecretRotationReturnsTheNewSecretOnceAndKeepsTheOldOneForTheOverlap() throws Exception {
        String clientId = uniqueId("rot");
        String token = signet().token(uniqueId("ops-rotate"), MANAGE, READ);
        String original = json(send("POST", "/relying-parties", null, secretClient(clientId), token))
                .get("client_secret").asString();

        HttpResponse<String> rotated = send("POST", "/relying-parties/" + clientId + "/client-secret",
                etagOf(clientId), "{\"previous_secret_valid_for\": \"PT24H\", \"reason\": \"CHG-1 yearly\"}", token);
        HttpResponse<String> tooLong = send("POST", "/relying-parties/" + clientId + "/client-secret",
                etagOf(clientId), "{\"previous_secret_valid_for\": \"P90D\", \"reason\": \"CHG-1\"}", token);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).contains("no-store");
        String secret = json(rotated).get("client_secret").asString();
        assertThat(secret).isNotEqualTo(original);
        assertThat(json(rotated).get("previous_secret_expires_at").isNull()).isFalse();
        ManagedRelyingParty stored = managed.find(clientId).orElseThrow();
        assertThat(stored.registration().clientSecretSha256()).contains(sha256(secret));
        assertThat(stored.previousSecret().orElseThrow().sha256()).isEqualTo(sha256(original));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("errors").get(0).get("parameter").asString())
                .isEqualTo("previous_secret_valid_for");
    }

    @Test
    void aPrivateKeyJwtClientsKeysAreReplacedButNeverWithPrivateKeys() throws Exception {
        String clientId = uniqueId("keys");
        String token = signet().token(uniqueId("ops-keys"), MANAGE, READ);
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
        ECKey second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
        String register = """
                {"client_id": "%s", "client_name": "Keys", "token_endpoint_auth_method": "private_key_jwt",
                 "grant_types": ["client_credentials"], "jwks": {"keys": [%s]}}
                """.formatted(clientId, first.toPublicJWK().toJSONString());
        HttpResponse<String> registered = send("POST", "/relying-parties", null, register, token);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(json(registered).get("client_secret").isNull()).isTrue();

        HttpResponse<String> privateKey = send("PUT", "/relying-parties/" + clientId + "/keys", etagOf(clientId),
                "{\"jwks\": {\"keys\": [" + second.toJSONString() + "]}, \"reason\": \"CHG-2\"}", token);
        HttpResponse<String> replaced = send("PUT", "/relying-parties/" + clientId + "/keys", etagOf(clientId),
                "{\"jwks\": {\"keys\": [" + second.toPublicJWK().toJSONString() + "]}, \"reason\": \"CHG-2\"}",
                token);
        HttpResponse<String> noSecret = send("POST", "/relying-parties/" + clientId + "/client-secret",
                etagOf(clientId), "{\"reason\": \"CHG-3\"}", token);

        assertThat(privateKey.statusCode()).isEqualTo(400);
        assertThat(json(privateKey).get("errors").get(0).get("parameter").asString()).isEqualTo("jwks");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).get("jwks").get("keys").get(0).get("kid").asString()).isEqualTo("second");
        assertThat(managed.find(clientId).orElseThrow().registration().jwks().orElseThrow()).doesNotContain("\"d\"");
        assertThat(noSecret.statusCode()).isEqualTo(409);
    }

    private String etagOf(String clientId) throws Exception {
        HttpResponse<String> response = get("/relying-parties/" + clientId, signet().token("ops-etag", READ));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private AuditEntry lastActionOf(String operator) {
        return auditLog.find(AuditFilter.ALL.withActor(null, operator), Optional.empty(), 1).entries().get(0);
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body, String token)
            throws Exception {
        return send(method, path, ifMatch, body, token, "\"" + UUID.randomUUID() + "\"");
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body, String token,
            String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "admin-api-test/1.0")
                .header("Idempotency-Key", idempotencyKey)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        request.header("Content-Type", "PATCH".equals(method) ? "application/merge-patch+json" : "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
