package dev.signet.admin.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.signet.admin.testing.AdminApiIntegrationTest;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.testing.PostgresTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Connector management against real old systems: a legacy user table in a real PostgreSQL database and UnboundID's
 * in-memory LDAP directory, each created, tested reachable through the admin API, and tested unreachable on a closed
 * port; invalid settings are problems naming the field; changes need If-Match and are audited; secrets never come back.
 */
class ConnectorsIT extends AdminApiIntegrationTest {

    private static final String MANAGE = "admin.manage";
    private static final String READ = "admin.read";
    private static final String DB_PASSWORD = "legacy-db-password-7301";
    private static final String BIND_PASSWORD = "service-secret-2009";
    private static final String BIND_DN = "cn=signet,ou=services,dc=example,dc=org";

    private static String legacyUrl;
    private static InMemoryDirectoryServer directory;

    @Autowired
    private AuditLog auditLog;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private AccountRepository accounts;

    @BeforeAll
    static void oldSystems() throws Exception {
        legacyUrl = PostgresTestServer.newEmptyDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(legacyUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE members (id text PRIMARY KEY, username text, password_hash text)");
            // htpasswd -nbB -C 5 user 'Hen-gyfrinair'
            statement.execute("INSERT INTO members VALUES ('m-1', 'eleri', "
                    + "'$2y$05$4VnhXCUIS67lkqItcqBtoua4nNI8frzMn3LfaVNi69ZJ662IrKQ.m'), ('m-2', 'gareth', NULL), "
                    + "('m-3', 'siân', NULL)");
        }
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                0, null));
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        config.setAuthenticationRequiredOperationTypes(com.unboundid.ldap.sdk.OperationType.SEARCH);
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=org", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=org", "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: uid=eleri,ou=people,dc=example,dc=org", "objectClass: inetOrgPerson", "uid: eleri",
                "cn: Eleri Jones", "sn: Jones", "mail: eleri@example.org", "userPassword: Hen-gyfrinair");
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @Test
    void aLegacyDatabaseConnectorIsCreatedShownWithItsSecretRedactedAndTestedReachable() throws Exception {
        String id = "pensions-" + shortId();

        HttpResponse<String> created = send("POST", "/connectors", null, legacyDatabase(id, legacyUrl),
                signet().token("ops-manager", MANAGE));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/connectors/" + id);
        assertThat(created.body()).doesNotContain(DB_PASSWORD);
        JsonNode view = json(get("/connectors/" + id, signet().token("ops-reader", READ)));
        assertThat(view.get("settings").get("password").asString()).isEqualTo("(secret)");
        assertThat(view.get("settings").get("table").asString()).isEqualTo("members");
        assertThat(view.get("managed_by").asString()).isEqualTo("admin-api");
        assertThat(view.get("enabled").asBoolean()).isTrue();
        String stored = JdbcClient.create(dataSource).sql("SELECT encode(sealed_secrets, 'escape') FROM connector "
                + "WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).as("encrypted at rest").doesNotContain(DB_PASSWORD);

        HttpResponse<String> test = send("POST", "/connectors/" + id + "/test", null, null,
                signet().token("ops-manager", MANAGE));

        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(json(test).get("result").asString()).isEqualTo("reachable");
        assertThat(json(test).get("checked_by").asString()).isEqualTo("lookup");
        AuditEntry audited = lastActionOf("ops-manager");
        assertThat(audited.event().type().value()).isEqualTo("operator.connector.tested");
        assertThat(audited.event().details()).containsEntry("connector", id).containsEntry("result", "reachable");
    }

    @Test
    void aLegacyDatabaseOnAClosedPortIsUnreachableWithTheReasonAndNoSecret() throws Exception {
        String id = "gone-db-" + shortId();
        send("POST", "/connectors", null, legacyDatabase(id, "jdbc:postgresql://127.0.0.1:" + closedPort() + "/x"),
                signet().token("ops-manager", MANAGE));

        HttpResponse<String> test = send("POST", "/connectors/" + id + "/test", null, null,
                signet().token("ops-manager", MANAGE));

        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(json(test).get("result").asString()).isEqualTo("unreachable");
        assertThat(json(test).get("reason").asString()).isNotBlank();
        assertThat(test.body()).doesNotContain(DB_PASSWORD);
    }

    @Test
    void anLdapConnectorBindsAsItsServiceAccountWhenTestedAndAClosedPortIsUnreachable() throws Exception {
        String id = "council-ldap-" + shortId();
        String closed = "gone-ldap-" + shortId();
        send("POST", "/connectors", null, ldap(id, "ldap://127.0.0.1:" + directory.getListenPort("ldap"),
                BIND_PASSWORD), signet().token("ops-manager", MANAGE));
        send("POST", "/connectors", null, ldap(closed, "ldap://127.0.0.1:" + closedPort(), BIND_PASSWORD),
                signet().token("ops-manager", MANAGE));
        String wrongBind = "wrong-bind-" + shortId();
        send("POST", "/connectors", null, ldap(wrongBind, "ldap://127.0.0.1:" + directory.getListenPort("ldap"),
                "not-the-service-password"), signet().token("ops-manager", MANAGE));

        JsonNode reachable = json(send("POST", "/connectors/" + id + "/test", null, null,
                signet().token("ops-manager", MANAGE)));
        JsonNode unreachable = json(send("POST", "/connectors/" + closed + "/test", null, null,
                signet().token("ops-manager", MANAGE)));
        HttpResponse<String> refused = send("POST", "/connectors/" + wrongBind + "/test", null, null,
                signet().token("ops-manager", MANAGE));

        assertThat(reachable.get("result").asString()).isEqualTo("reachable");
        assertThat(unreachable.get("result").asString()).isEqualTo("unreachable");
        assertThat(unreachable.get("reason").asString()).isNotBlank();
        assertThat(json(refused).get("result").asString()).as("the service bind is what is tested")
                .isEqualTo("unreachable");
        assertThat(refused.body()).doesNotContain("not-the-service-password");
        assertThat(json(get("/connectors/" + id, signet().token("ops-reader", READ))).get("settings")
                .get("bind-password").asString()).isEqualTo("(secret)");
    }

    @Test
    void invalidSettingsAreAProblemNamingEachField() throws Exception {
        String body = """
                {"id": "broken-%s", "type": "legacy-database", "department": "DWP",
                 "settings": {"jdbc-ur": "jdbc:postgresql://db/x", "table": "members", "connect-timeout": "soon",
                              "password": "a-secret-never-repeated"}}
                """.formatted(shortId());

        HttpResponse<String> response = send("POST", "/connectors", null, body, signet().token("ops-manager", MANAGE));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://signet.dev/problems/invalid-request");
        assertThat(problem.get("errors").findValuesAsString("parameter")).contains("display_name", "department",
                "settings.jdbc-ur", "settings.jdbc-url", "settings.connect-timeout");
        assertThat(response.body()).doesNotContain("a-secret-never-repeated");
        String unknownType = send("POST", "/connectors", null, """
                {"id": "x-%s", "type": "carrier-pigeon", "display_name": "X", "department": "dwp"}
                """.formatted(shortId()), signet().token("ops-manager", MANAGE)).body();
        assertThat(JSON.readTree(unknownType).get("errors").findValuesAsString("parameter")).containsExactly("type");
    }

    @Test
    void aReplaceNeedsTheVersionReadKeepsSecretsLeftOutAndIsAudited() throws Exception {
        String id = "vehicle-" + shortId();
        HttpResponse<String> created = send("POST", "/connectors", null, legacyDatabase(id, legacyUrl),
                signet().token("ops-manager", MANAGE));
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String replacement = """
                {"type": "legacy-database", "display_name": "Vehicle tax account", "department": "dvla",
                 "migration": "dual-running", "keep_checking_until": "2027-03-31",
                 "settings": {"jdbc-url": "%s", "username": "postgres", "table": "members"}}
                """.formatted(legacyUrl);

        HttpResponse<String> withoutIfMatch = send("PUT", "/connectors/" + id, null, replacement,
                signet().token("ops-manager", MANAGE));
        HttpResponse<String> replaced = send("PUT", "/connectors/" + id, etag, replacement,
                signet().token("ops-manager", MANAGE));
        HttpResponse<String> stale = send("PUT", "/connectors/" + id, etag, replacement,
                signet().token("ops-manager", MANAGE));

        assertThat(withoutIfMatch.statusCode()).isEqualTo(428);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode view = json(replaced);
        assertThat(view.get("display_name").asString()).isEqualTo("Vehicle tax account");
        assertThat(view.get("migration").asString()).isEqualTo("dual-running");
        assertThat(view.get("keep_checking_until").asString()).isEqualTo("2027-03-31");
        assertThat(view.get("settings").get("password").asString()).as("kept").isEqualTo("(secret)");
        assertThat(json(send("POST", "/connectors/" + id + "/test", null, null,
                signet().token("ops-manager", MANAGE))).get("result").asString()).isEqualTo("reachable");
        AuditEntry audited = auditLog.find(AuditFilter.ALL.withActor(null, "ops-manager"), Optional.empty(), 5)
                .entries().stream().filter(entry -> entry.event().type().value().equals("operator.connector.updated"))
                .findFirst().orElseThrow();
        assertThat(audited.event().details()).containsEntry("connector", id)
                .hasEntrySatisfying("changed", changed -> assertThat(changed).contains("display_name", "migration"));
    }

    @Test
    void disablingAndEnablingAreChangesWithIfMatchAndAudited() throws Exception {
        String id = "benefits-" + shortId();
        String etag = send("POST", "/connectors", null, legacyDatabase(id, legacyUrl),
                signet().token("ops-manager", MANAGE)).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> disabled = send("POST", "/connectors/" + id + "/disable", etag, null,
                signet().token("ops-manager", MANAGE));

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(lastActionOf("ops-manager").event().type().value()).isEqualTo("operator.connector.disabled");
        HttpResponse<String> enabled = send("POST", "/connectors/" + id + "/enable",
                disabled.headers().firstValue("ETag").orElseThrow(), null, signet().token("ops-manager", MANAGE));
        assertThat(json(enabled).get("enabled").asBoolean()).isTrue();
        assertThat(lastActionOf("ops-manager").event().type().value()).isEqualTo("operator.connector.enabled");
    }

    @Test
    void progressCountsLinksAndTheOldSystemsUsersStillToCome() throws Exception {
        String id = "progress-" + shortId();
        send("POST", "/connectors", null, legacyDatabase(id, legacyUrl), signet().token("ops-manager", MANAGE));
        UUID account = UUID.randomUUID();
        Instant now = Instant.now();
        accounts.create(new Account(account, account + "@example.com", true, Optional.empty(), AccountStatus.ACTIVE,
                now, now));
        JdbcClient.create(dataSource).sql("INSERT INTO linked_legacy_identity (account_id, connector_id, legacy_subject, linked_at, linked_by, "
                + "password_fingerprint) VALUES (?, ?, 'm-1', now(), 'new_account', 'abc')").params(account, id)
                .update();

        JsonNode progress = json(get("/connectors/" + id + "/progress", signet().token("ops-reader", READ)));

        assertThat(progress.get("linked_identities").asLong()).isEqualTo(1);
        assertThat(progress.get("passwords_migrated").asLong()).isEqualTo(1);
        assertThat(progress.get("sign_ins").asLong()).isZero();
        assertThat(progress.get("listing").asString()).as(progress.toString()).isEqualTo("complete");
        assertThat(progress.get("legacy_users").asLong()).isEqualTo(3);
        assertThat(progress.get("still_to_come").asLong()).isEqualTo(2);
    }

    @Test
    void readersCanListButNotChangeAndListsArePagedByCursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("POST", "/connectors", null, legacyDatabase("paged-" + shortId(), legacyUrl),
                    signet().token("ops-manager", MANAGE));
        }
        HttpResponse<String> refused = send("POST", "/connectors", null, legacyDatabase("no-" + shortId(), legacyUrl),
                signet().token("ops-reader", READ));
        assertThat(refused.statusCode()).isEqualTo(403);

        JsonNode first = json(get("/connectors?limit=2", signet().token("ops-reader", READ)));
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("next_cursor").asString();
        JsonNode second = json(get("/connectors?limit=2&cursor=" + cursor, signet().token("ops-reader", READ)));
        assertThat(second.get("items").get(0).get("id").asString())
                .isNotEqualTo(first.get("items").get(1).get("id").asString());
        JsonNode types = json(get("/connectors/types", signet().token("ops-reader", READ)));
        assertThat(types.findValuesAsString("name")).contains("legacy-database", "ldap", "oidc", "remote");
    }

    // ---- helpers ----

    private static String legacyDatabase(String id, String jdbcUrl) {
        return """
                {"id": "%s", "type": "legacy-database", "display_name": "Pension account", "department": "dwp",
                 "settings": {"jdbc-url": "%s", "username": "postgres", "password": "%s", "table": "members",
                              "connect-timeout": "2s"}}
                """.formatted(id, jdbcUrl, DB_PASSWORD);
    }

    private static String ldap(String id, String url, String bindPassword) {
        return """
                {"id": "%s", "type": "ldap", "display_name": "Council staff account", "department": "county-council",
                 "settings": {"url": "%s", "bind-dn": "%s", "bind-password": "%s",
                              "base-dn": "ou=people,dc=example,dc=org",
                              "login-filter": "(&(objectClass=inetOrgPerson)(uid={login}))",
                              "subject-attribute": "uid", "attributes": {"email": "mail"},
                              "connect-timeout": "2s", "response-timeout": "2s"}}
                """.formatted(id, url, BIND_DN, bindPassword);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private AuditEntry lastActionOf(String operator) {
        return auditLog.find(AuditFilter.ALL.withActor(null, operator), Optional.empty(), 1).entries().get(0);
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "admin-api-test/1.0")
                .header("Idempotency-Key", "\"" + UUID.randomUUID() + "\"")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
