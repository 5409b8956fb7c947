package dev.signet.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.env.MockEnvironment;

class ConnectorFileLoaderTest {

    private final MockEnvironment environment = new MockEnvironment().withProperty("LEGACY_DB_PASSWORD", "s3cret-db");
    private final ConnectorFileLoader loader = new ConnectorFileLoader(
            ConnectorTypes.discover(getClass().getClassLoader()), environment::resolveRequiredPlaceholders);

    private List<ConnectorDefinition> load(String yaml) {
        return loader.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "connectors.yml"));
    }

    @Test
    void readsAConnectorWithNestedSettingsFlattenedAndPlaceholdersResolved() {
        List<ConnectorDefinition> definitions = load("""
                connectors:
                  - id: vehicle-tax
                    display-name: Vehicle tax account
                    welsh-display-name: Cyfrif treth cerbyd
                    department: dvla
                    type: legacy-database
                    settings:
                      jdbc-url: jdbc:postgresql://legacy-db.internal/accounts
                      password: ${LEGACY_DB_PASSWORD}
                      table: customers
                      columns: { subject: customer_no, login: login }
                      attributes: { email: email }
                      max-connections: 8
                """);
        assertThat(definitions).singleElement().satisfies(definition -> {
            assertThat(definition.instance().id()).isEqualTo("vehicle-tax");
            assertThat(definition.instance().displayName("cy")).isEqualTo("Cyfrif treth cerbyd");
            assertThat(definition.instance().department()).isEqualTo("dvla");
            assertThat(definition.type()).isEqualTo("legacy-database");
            assertThat(definition.settings().asMap()).containsAllEntriesOf(Map.of("password", "s3cret-db",
                    "columns.subject", "customer_no", "columns.login", "login", "attributes.email", "email",
                    "max-connections", "8"));
        });
    }

    @Test
    void anEmptyListDeclaresNoConnectors() {
        assertThat(load("connectors: []")).isEmpty();
        assertThat(load("connectors:")).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceNamingConnectorAndSetting() {
        assertThatThrownBy(() -> load("""
                connectors:
                  - id: vehicle-tax
                    display-name: Vehicle tax account
                    department: dvla
                    type: legacy-database
                    settings:
                      jdbc-url: jdbc:postgresql://legacy-db.internal/accounts
                      table: customers
                      query-timeout: soon
                      hash: { unprefixed: hmac }
                  - id: council-tax
                    display-name: Council tax
                    department: cardiff
                    type: ldpa
                  - id: Bad Id
                    display-name: x
                    department: y
                    type: legacy-database
                    colour: blue
                  - id: pensions
                    department: dwp
                    type: legacy-database
                    settings:
                      jdbc-url: jdbc:postgresql://pensions-db/accounts
                      table: members
                      password: ${PENSIONS_DB_PASSWORD}
                """))
                .isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("signet.connectors.file")
                .hasMessageContaining("connector 'vehicle-tax' (legacy-database), setting 'query-timeout' must be a "
                        + "duration")
                .hasMessageContaining("connector 'vehicle-tax' (legacy-database), setting 'hash.pepper' must be given")
                // every type on the class path is listed; more arrive as connector modules are added
                .hasMessageMatching("(?s).*connector 'council-tax', field 'type': 'ldpa' is not a connector type "
                        + "\\(known: [a-z, -]*legacy-database[a-z, -]*\\).*")
                .hasMessageContaining("connector 'Bad Id', field 'colour': is not a known field")
                .hasMessageContaining("connector 'pensions', field 'display-name': is required")
                .hasMessageContaining("connector 'pensions', setting 'password': Could not resolve placeholder "
                        + "'PENSIONS_DB_PASSWORD'");
    }

    @Test
    void anInvalidIdAndADuplicateIdAreProblems() {
        String entry = """
                  - id: %s
                    display-name: Vehicle tax account
                    department: dvla
                    type: legacy-database
                    settings: { jdbc-url: "jdbc:postgresql://db/x", table: users }
                """;
        assertThatThrownBy(() -> load("connectors:\n" + entry.formatted("Vehicle Tax")))
                .hasMessageContaining("connector 'Vehicle Tax': A connector id is 1 to 63 lower-case letters");
        assertThatThrownBy(() -> load("connectors:\n" + entry.formatted("tax") + entry.formatted("tax")))
                .hasMessageContaining("connector 'tax', field 'id': declared more than once");
    }

    @Test
    void secretsAreNeverRepeatedInProblems() {
        assertThatThrownBy(() -> load("""
                connectors:
                  - id: tax
                    display-name: Tax
                    department: hmrc
                    type: legacy-database
                    settings:
                      jdbc-url: jdbc:postgresql://db/x
                      password: ${LEGACY_DB_PASSWORD}
                      hash: { pepper: pepper-value-2009, pepper-encoding: hex }
                """)).hasMessageContaining("setting 'hash.pepper' is not valid hex")
                .hasMessageNotContaining("s3cret-db").hasMessageNotContaining("pepper-value-2009");
    }

    @Test
    void aFileThatIsNotAConnectorsFileIsRefused() {
        assertThatThrownBy(() -> load("relying-parties: []")).hasMessageContaining("top-level list 'connectors'");
        assertThatThrownBy(() -> load("connectors: [")).hasMessageContaining("is not valid YAML");
    }
}
