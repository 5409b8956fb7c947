package dev.signet.server.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.OperationType;
import dev.signet.core.account.Account;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connectors managed through the admin API reach a running identity-server without a restart: an operator creates a
 * legacy-database connector (a real PostgreSQL user table) and an LDAP connector (UnboundID's in-memory directory),
 * tests each reachable, and an unreachable twin on a closed port unreachable; a citizen then signs in with an old
 * account through each and gets a linked Signet account; once the operator disables the connector, it is gone from
 * the old-account page. A connector with a wrong setting is refused with a problem naming it.
 */
class ConnectorAdminEndToEndIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OLD_PASSWORD = "Hen-gyfrinair";
    // htpasswd -nbB -C 5 user 'Hen-gyfrinair'
    private static final String OLD_BCRYPT = "$2y$05$4VnhXCUIS67lkqItcqBtoua4nNI8frzMn3LfaVNi69ZJ662IrKQ.m";
    private static final String DB_PASSWORD = "legacy-db-password-4410";
    private static final String BIND_DN = "cn=signet,ou=services,dc=example,dc=org";
    private static final String BIND_PASSWORD = "service-secret-2009";

    private static String legacyUrl;
    private static InMemoryDirectoryServer directory;
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();

    private final List<String> created = new ArrayList<>();
    private OperatorClient adminApi;
    private String operator;

    @Autowired
    private Environment environment;
    @Autowired
    private LinkedIdentityRepository links;

    @BeforeAll
    static void oldSystems() throws Exception {
        legacyUrl = PostgresTestServer.newEmptyDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(legacyUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE members (id text PRIMARY KEY, username text NOT NULL, "
                    + "password_hash text, email text, email_checked boolean NOT NULL DEFAULT false)");
        }
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                0, null));
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH);
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=org", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=org", "objectClass: organizationalUnit", "ou: people");
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @BeforeEach
    void adminApiAndOperator() throws Exception {
        adminApi = ADMIN_API.start(environment, baseUrl()).operator();
        operator = adminApi.token("test-operator-actions", "admin.read admin.manage");
    }

    /** Every other test of this JVM shares the database: no connector of this test stays offered to citizens. */
    @AfterEach
    void disableWhatWasCreated() throws Exception {
        for (String id : created) {
            HttpResponse<String> current = admin("GET", "/connectors/" + id, null, null);
            if (current.statusCode() == 200 && JSON.readTree(current.body()).get("enabled").asBoolean()) {
                admin("POST", "/connectors/" + id + "/disable", etag(current), null);
            }
        }
    }

    @Test
    void aLegacyDatabaseConnectorCreatedThroughTheAdminApiSignsCitizensInUntilItIsDisabled() throws Exception {
        String id = "e2e-db-" + shortId();
        String login = "eleri-" + shortId();
        String email = uniqueEmail("old-db");
        try (Connection connection = DriverManager.getConnection(legacyUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO members VALUES ('" + id + "-1', '" + login + "', '" + OLD_BCRYPT + "', '"
                    + email + "', true)");
        }
        String name = "Pension account " + id;

        HttpResponse<String> create = create(legacyDatabase(id, name, legacyUrl, true));
        String unreachable = "e2e-db-gone-" + shortId();
        create(legacyDatabase(unreachable, "Gone " + id, "jdbc:postgresql://127.0.0.1:" + closedPort() + "/x",
                false));

        assertThat(create.statusCode()).isEqualTo(201);
        assertThat(test(id).get("result").asString()).isEqualTo("reachable");
        JsonNode gone = test(unreachable);
        assertThat(gone.get("result").asString()).isEqualTo("unreachable");
        assertThat(gone.get("reason").asString()).isNotBlank().doesNotContain(DB_PASSWORD);

        signsInThenDisappearsWhenDisabled(id, name, login, id + "-1", email, create);
    }

    @Test
    void anLdapConnectorCreatedThroughTheAdminApiSignsCitizensInUntilItIsDisabled() throws Exception {
        String id = "e2e-ldap-" + shortId();
        String uid = "gareth-" + shortId();
        String email = uniqueEmail("old-ldap");
        directory.add("dn: uid=" + uid + ",ou=people,dc=example,dc=org", "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: Gareth Evans", "sn: Evans", "mail: " + email, "userPassword: " + OLD_PASSWORD);
        String name = "Council staff account " + id;

        HttpResponse<String> create = create(ldap(id, name, "ldap://127.0.0.1:" + directory.getListenPort("ldap"),
                true));
        String unreachable = "e2e-ldap-gone-" + shortId();
        create(ldap(unreachable, "Gone " + id, "ldap://127.0.0.1:" + closedPort(), false));

        assertThat(create.statusCode()).isEqualTo(201);
        assertThat(test(id).get("result").asString()).isEqualTo("reachable");
        JsonNode gone = test(unreachable);
        assertThat(gone.get("result").asString()).isEqualTo("unreachable");
        assertThat(gone.toString()).doesNotContain(BIND_PASSWORD);

        signsInThenDisappearsWhenDisabled(id, name, uid, uid, email, create);
    }

    @Test
    void aWrongSettingIsRefusedWithAProblemNamingIt() throws Exception {
        String body = """
                {"id": "e2e-wrong-%s", "type": "ldap", "display_name": "Wrong", "department": "dwp",
                 "settings": {"url": "ldap://127.0.0.1:1", "base-dn": "ou=people,dc=example,dc=org",
                              "login-filter": "(uid={login})", "response-timeout": "whenever"}}
                """.formatted(shortId());

        HttpResponse<String> refused = admin("POST", "/connectors", null, body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsString("parameter"))
                .containsExactly("settings.response-timeout");
    }

    private void signsInThenDisappearsWhenDisabled(String id, String name, String login, String subject,
            String email, HttpResponse<String> create) throws Exception {
        TestBrowser citizen = browser();
        assertThat(citizen.get("/sign-in/old-account").body()).contains(name);

        TestBrowser.Page signedIn = citizen.signInWithOldAccount(id, login, OLD_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        Account account = accounts.findByEmail(email).orElseThrow();
        LinkedIdentity link = links.find(id, subject).orElseThrow();
        assertThat(link.accountId()).isEqualTo(account.id());
        JsonNode progress = JSON.readTree(admin("GET", "/connectors/" + id + "/progress", null, null).body());
        assertThat(progress.get("linked_identities").asLong()).isEqualTo(1);
        assertThat(progress.get("passwords_migrated").asLong()).isEqualTo(1);
        assertThat(progress.get("still_to_come").asLong()).isZero();

        HttpResponse<String> disabled = admin("POST", "/connectors/" + id + "/disable", etag(create), null);

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(browser().get("/sign-in/old-account").body()).doesNotContain(name);
        // Chosen anyway (a page kept open from before): the form of any page carries the session's CSRF token.
        TestBrowser late = browser();
        TestBrowser.Page refused = late.submit(late.get("/sign-in"), "/sign-in/old-account", Map.of("connector", id));
        assertThat(String.valueOf(refused.location())).as("a disabled connector cannot be chosen")
                .doesNotEndWith("/sign-in/old-account/sign-in");
    }

    // ---- helpers ----

    private HttpResponse<String> create(String body) throws Exception {
        HttpResponse<String> response = admin("POST", "/connectors", null, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        created.add(JSON.readTree(response.body()).get("id").asString());
        return response;
    }

    private JsonNode test(String id) throws Exception {
        HttpResponse<String> response = admin("POST", "/connectors/" + id + "/test", null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static String legacyDatabase(String id, String name, String jdbcUrl, boolean enabled) {
        return """
                {"id": "%s", "type": "legacy-database", "display_name": "%s", "department": "dwp", "enabled": %s,
                 "settings": {"jdbc-url": "%s", "username": "postgres", "password": "%s", "table": "members",
                              "columns": {"login": "username", "email-verified": "email_checked"},
                              "attributes": {"email": "email"}, "connect-timeout": "2s"}}
                """.formatted(id, name, enabled, jdbcUrl, DB_PASSWORD);
    }

    private static String ldap(String id, String name, String url, boolean enabled) {
        return """
                {"id": "%s", "type": "ldap", "display_name": "%s", "department": "county-council", "enabled": %s,
                 "settings": {"url": "%s", "bind-dn": "%s", "bind-password": "%s",
                              "base-dn": "ou=people,dc=example,dc=org",
                              "login-filter": "(&(objectClass=inetOrgPerson)(uid={login}))",
                              "user-filter": "(objectClass=inetOrgPerson)",
                              "subject-attribute": "uid", "verified-attributes": {"email": "mail"},
                              "connect-timeout": "2s", "response-timeout": "2s"}}
                """.formatted(id, name, enabled, url, BIND_DN, BIND_PASSWORD);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> admin(String method, String path, String ifMatch, String json) throws Exception {
        return adminApi.send(method, path, ifMatch, json, operator);
    }
}
