package dev.signet.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.signet.connector.Authenticated;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.RedirectConnector;
import dev.signet.core.testing.PostgresTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The connectors file, read at start-up: a good one gives working connectors, a wrong one stops the start. */
class FederationConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConnectorsProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, FederationConfiguration.class);

    @TempDir
    Path directory;

    @Test
    void theDefaultFileDeclaresNoConnectors() {
        runner.withPropertyValues("signet.connectors.file=classpath:signet/connectors.yml").run(context ->
                assertThat(context.getBean(ConnectorRegistry.class).all()).isEmpty());
    }

    @Test
    void aDeclaredLegacyDatabaseConnectorIsOpenedAndChecksPasswords() throws Exception {
        String jdbcUrl = PostgresTestServer.newEmptyDatabaseUrl();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            // htpasswd -nbB -C 5 user 'Hen-gyfrinair'
            statement.execute("CREATE TABLE members (id int PRIMARY KEY, username text, password_hash text)");
            statement.execute("INSERT INTO members VALUES (42, 'eleri', "
                    + "'$2y$05$4VnhXCUIS67lkqItcqBtoua4nNI8frzMn3LfaVNi69ZJ662IrKQ.m')");
        }
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: pensions
                    display-name: Pension account
                    department: dwp
                    type: legacy-database
                    settings:
                      jdbc-url: %s
                      username: ${PENSIONS_DB_USER}
                      table: members
                """.formatted(jdbcUrl));
        runner.withPropertyValues("signet.connectors.file=" + file, "PENSIONS_DB_USER=postgres").run(context -> {
            ConnectorRegistry registry = context.getBean(ConnectorRegistry.class);
            PasswordConnector pensions = registry.find("pensions").orElseThrow()
                    .capability(PasswordConnector.class).orElseThrow();
            assertThat(registry.withCapability(PasswordConnector.class)).containsExactly(pensions);
            assertThat(pensions.instance().displayName()).isEqualTo("Pension account");
            assertThat(pensions.checkPassword("eleri", Password.of("Hen-gyfrinair")))
                    .isInstanceOfSatisfying(Authenticated.class,
                            a -> assertThat(a.identity().subject()).isEqualTo("42"));
            assertThat(pensions.checkPassword("eleri", Password.of("wrong"))).isInstanceOf(InvalidCredentials.class);
        });
    }

    @Test
    void aDeclaredOidcConnectorIsOpenedAsARedirectConnectorWithoutReachingItsUpstream() throws IOException {
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: department-idp
                    display-name: Department account
                    welsh-display-name: Cyfrif yr adran
                    department: dept
                    type: oidc
                    settings:
                      issuer: https://idp.department.example/realms/citizens
                      client-id: signet
                      client-secret: ${DEPARTMENT_IDP_SECRET}
                      scopes: openid email profile
                      claims: { email: email, given_name: given_name }
                """);
        runner.withPropertyValues("signet.connectors.file=" + file,
                "DEPARTMENT_IDP_SECRET=a-client-secret-from-the-environment").run(context -> {
            ConnectorRegistry registry = context.getBean(ConnectorRegistry.class);
            RedirectConnector departmentIdp = registry.find("department-idp").orElseThrow()
                    .capability(RedirectConnector.class).orElseThrow();
            assertThat(registry.withCapability(RedirectConnector.class)).containsExactly(departmentIdp);
            assertThat(registry.withCapability(PasswordConnector.class)).isEmpty();
            assertThat(departmentIdp.instance().displayName("cy")).isEqualTo("Cyfrif yr adran");
        });
    }

    @Test
    void aWrongOidcConnectorStopsTheStartNamingTheSetting() throws IOException {
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: department-idp
                    display-name: Department account
                    department: dept
                    type: oidc
                    settings: { issuer: "http://idp.department.example", client-id: signet, client-secret: x }
                """);
        runner.withPropertyValues("signet.connectors.file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(
                    "setting 'issuer' must be an https URL (plain http only on localhost, for development)");
        });
    }

    @Test
    void aDeclaredLdapConnectorIsOpenedAndChecksPasswords() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=cardiff,dc=gov,dc=uk");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                0, null));
        config.addAdditionalBindCredentials("cn=signet,dc=cardiff,dc=gov,dc=uk", "service-secret-2009");
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=cardiff,dc=gov,dc=uk", "objectClass: domain", "dc: cardiff");
        server.add("dn: uid=eleri,dc=cardiff,dc=gov,dc=uk", "objectClass: inetOrgPerson", "uid: eleri",
                "cn: Eleri Jenkins", "sn: Jenkins", "mail: eleri@example.org", "userPassword: Hen-gyfrinair");
        server.startListening();
        try {
            Path file = Files.writeString(directory.resolve("connectors.yml"), """
                    connectors:
                      - id: council-tax
                        display-name: Council tax account
                        welsh-display-name: Cyfrif treth y cyngor
                        department: cardiff
                        type: ldap
                        settings:
                          url: ldap://localhost:%d
                          bind-dn: cn=signet,dc=cardiff,dc=gov,dc=uk
                          bind-password: ${COUNCIL_LDAP_PASSWORD}
                          base-dn: dc=cardiff,dc=gov,dc=uk
                          login-filter: "(&(objectClass=inetOrgPerson)(uid={login}))"
                          subject-attribute: uid
                          attributes: { email: mail, family_name: sn }
                    """.formatted(server.getListenPort()));
            runner.withPropertyValues("signet.connectors.file=" + file, "COUNCIL_LDAP_PASSWORD=service-secret-2009")
                    .run(context -> {
                        PasswordConnector councilTax = context.getBean(ConnectorRegistry.class).find("council-tax")
                                .orElseThrow().capability(PasswordConnector.class).orElseThrow();
                        assertThat(councilTax.checkPassword("eleri", Password.of("Hen-gyfrinair")))
                                .isInstanceOfSatisfying(Authenticated.class, a -> {
                                    assertThat(a.identity().subject()).isEqualTo("eleri");
                                    assertThat(a.identity().unverifiedAttributes())
                                            .containsEntry("email", "eleri@example.org");
                                });
                        assertThat(councilTax.checkPassword("eleri", Password.of("wrong")))
                                .isInstanceOf(InvalidCredentials.class);
                    });
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void aWrongFileStopsTheStartWithAReportNamingConnectorAndSetting() throws IOException {
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: pensions
                    display-name: Pension account
                    department: dwp
                    type: legacy-database
                    settings: { jdbc-url: "jdbc:postgresql://db/x", table: members, login-match: loose }
                """);
        runner.withPropertyValues("signet.connectors.file=" + file).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new ConnectorFileFailureAnalyzer().analyze(
                    new BeanCreationException("connectorRegistry", "failed", failure));
            assertThat(analysis.getDescription()).contains(file.toString(), "signet.connectors.file",
                    "connector 'pensions' (legacy-database), setting 'login-match' must be one of exact, "
                            + "case-insensitive, not 'loose'");
            assertThat(analysis.getAction()).contains("signet.connectors.file");
        });
    }

    @Test
    void aDeclaredRemoteConnectorIsOpenedWithItsKeysFromTheEnvironment() throws IOException {
        String signetKey = dev.signet.connector.remote.internal.SigningKey.generate("signet-1");
        String connectorKey = dev.signet.connector.remote.internal.SigningKey.parse(
                dev.signet.connector.remote.internal.SigningKey.generate("connector-1")).publicJwkSetJson();
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: fishing-licences
                    display-name: Fishing licence account
                    department: environment-agency
                    type: remote
                    settings:
                      url: https://connector.environment-agency.example/signet
                      issuer: https://signet.example
                      signing-key: ${REMOTE_SIGNING_KEY}
                      connector-key: ${REMOTE_CONNECTOR_KEY}
                      request-timeout: 3s
                """);
        // Opening does not call the department: its connector may be down when Signet starts.
        runner.withPropertyValues("signet.connectors.file=" + file, "REMOTE_SIGNING_KEY=" + signetKey,
                "REMOTE_CONNECTOR_KEY=" + connectorKey).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ConnectorRegistry.class).find("fishing-licences").orElseThrow())
                            .isInstanceOf(PasswordConnector.class);
                });
    }

    @Test
    void aRemoteConnectorOverPlainHttpStopsTheStart() throws IOException {
        Path file = Files.writeString(directory.resolve("connectors.yml"), """
                connectors:
                  - id: fishing-licences
                    display-name: Fishing licence account
                    department: environment-agency
                    type: remote
                    settings:
                      url: http://connector.environment-agency.example/signet
                      issuer: https://signet.example
                      signing-key: not-a-key
                      connector-jwks-url: https://connector.environment-agency.example/jwks.json
                """);
        runner.withPropertyValues("signet.connectors.file=" + file).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ConnectorFileFailureAnalyzer().analyze(
                    new BeanCreationException("connectorRegistry", "failed", context.getStartupFailure()));
            assertThat(analysis.getDescription()).contains(
                    "setting 'url' must be an https:// URL with a host",
                    "setting 'signing-key' is not a JSON Web Key (JWK)");
        });
    }
}
