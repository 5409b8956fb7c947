package dev.signet.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.Setting;
import dev.signet.connector.SettingsSchema;
import dev.signet.core.connectors.ConnectorMigration;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.StoredConnector;
import dev.signet.core.connectors.jdbc.JdbcConnectorStore;
import dev.signet.core.testing.PostgresTestServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry follows the connectors stored in PostgreSQL (a real database) as the admin API changes them: new ones
 * open, changed ones reopen and the old instance closes, unchanged ones keep their instance, disabled ones close and
 * stay known by name, and a file connector taken over by the admin API gives way.
 */
class ConnectorRegistryTest {

    private final ConnectorSecretSealer sealer = new ConnectorSecretSealer(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SecureRandom());
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final ConnectorTypes types = ConnectorTypes.of(List.of(new EchoType()));
    private JdbcConnectorStore store;

    @BeforeEach
    void freshDatabase() {
        store = new JdbcConnectorStore(PostgresTestServer.newMigratedDatabase(), Clock.systemUTC());
    }

    @Test
    void connectorsCreatedChangedAndDisabledInPostgresqlReachTheRegistryWithoutARestart() {
        ConnectorRegistry registry = registry(List.of());
        assertThat(registry.all()).isEmpty();

        StoredConnector created = store.create(record("pensions", "Pension account", "hello", "s3cret", true));
        Connector opened = registry.find("pensions").orElseThrow();
        assertThat(((EchoConnector) opened).settings().asMap()).containsEntry("token", "s3cret");
        StoredConnector other = store.create(record("vehicle-tax", "Vehicle tax", "hi", "t", true));
        assertThat(registry.find("pensions")).as("unchanged, not reopened").containsSame(opened);

        StoredConnector changed = store.update(record("pensions", "Pension account", "bore da", "s3cret", true),
                created.version()).orElseThrow();
        assertThat(registry.find("pensions").orElseThrow()).isNotSameAs(opened);
        assertThat(closed).containsExactly("pensions");

        store.update(record("pensions", "Pension account", "bore da", "s3cret", false), changed.version());
        assertThat(registry.find("pensions")).isEmpty();
        assertThat(registry.all()).extracting(connector -> connector.instance().id()).containsExactly("vehicle-tax");
        assertThat(registry.instance("pensions").map(ConnectorInstance::displayName)).hasValue("Pension account");
        assertThat(closed).containsExactly("pensions", "pensions");
        assertThat(other.version()).isEqualTo(1);
    }

    @Test
    void aFileConnectorTakenOverThroughTheAdminApiIsReplacedByTheStoredOne() {
        ConnectorDefinition fromFile = new ConnectorDefinition(ConnectorInstance.of("council-tax", "Council tax",
                "county-council"), "echo", ConnectorSettings.of(Map.of("greeting", "from the file")));
        store.replaceFileDeclared(List.of(record("council-tax", "Council tax", "from the file", null, true)),
                (id, a, b) -> true);
        ConnectorRegistry registry = registry(List.of(fromFile));
        assertThat(registry.find("council-tax")).isPresent();
        assertThat(registry.managedMigration("council-tax")).isEmpty();

        StoredConnector row = store.find("council-tax").orElseThrow();
        ConnectorRecord takenOver = new ConnectorRecord("council-tax", "echo", "Council tax", Optional.empty(),
                "county-council", Map.of("greeting", "from the operator"), row.connector().secrets(),
                ConnectorMigration.dualRunningUntil(LocalDate.of(2027, 3, 31)), true);
        store.update(takenOver, row.version());

        EchoConnector now = (EchoConnector) registry.find("council-tax").orElseThrow();
        assertThat(now.settings().asMap()).containsEntry("greeting", "from the operator");
        assertThat(registry.managedMigration("council-tax")).hasValue(takenOver.migration());
        assertThat(closed).containsExactly("council-tax");
    }

    private ConnectorRegistry registry(List<ConnectorDefinition> file) {
        return new ConnectorRegistry(file, types, new ManagedConnectors(store, sealer, Duration.ZERO));
    }

    private ConnectorRecord record(String id, String name, String greeting, String token, boolean enabled) {
        return new ConnectorRecord(id, "echo", name, Optional.empty(), "dwp", Map.of("greeting", greeting),
                sealer.seal(id, token == null ? Map.of() : Map.of("token", token)), ConnectorMigration.ON_SIGN_IN,
                enabled);
    }

    /** A connector type that opens connectors remembering their settings, and notes each close. */
    private final class EchoType implements ConnectorType {

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "Remembers its settings.";
        }

        @Override
        public SettingsSchema schema() {
            return SettingsSchema.of(Setting.text("greeting", "A greeting").mandatory(),
                    Setting.secret("token", "A secret"));
        }

        @Override
        public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
            return new EchoConnector(instance, schema().resolve(instance.id(), name(), settings), closed);
        }
    }

    private record EchoConnector(ConnectorInstance instance, ConnectorSettings settings, List<String> closed)
            implements Connector {

        @Override
        public void close() {
            closed.add(instance.id());
        }
    }
}
