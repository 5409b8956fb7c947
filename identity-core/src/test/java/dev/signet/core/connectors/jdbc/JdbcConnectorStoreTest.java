package dev.signet.core.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.connectors.ConnectorMigration;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.connectors.StoredConnector;
import dev.signet.core.testing.PostgresTestServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcConnectorStoreTest {

    private final ConnectorSecretSealer sealer = new ConnectorSecretSealer(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SecureRandom());
    private final ConnectorStore.SecretsEquality byValue = (id, stored, declared) ->
            sealer.open(id, stored).equals(sealer.open(id, declared));
    private JdbcConnectorStore store;

    @BeforeEach
    void freshDatabase() {
        store = new JdbcConnectorStore(PostgresTestServer.newMigratedDatabase(), Clock.systemUTC());
    }

    private ConnectorRecord connector(String id, String displayName, String password) {
        return new ConnectorRecord(id, "legacy-database", displayName, Optional.of("Cyfrif"), "dvla",
                Map.of("jdbc-url", "jdbc:postgresql://db/accounts", "columns.subject", "id"),
                sealer.seal(id, Map.of("password", password)), ConnectorMigration.ON_SIGN_IN, true);
    }

    @Test
    void createdConnectorReadsBackWithItsSecretsSealedAndMovesTheCatalogVersion() {
        long before = store.catalogVersion();

        StoredConnector created = store.create(connector("vehicle-tax", "Vehicle tax account", "db-pass"));

        assertThat(created.source()).isEqualTo(StoredConnector.Source.ADMIN);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.connector().settings()).containsEntry("columns.subject", "id");
        assertThat(sealer.open("vehicle-tax", created.connector().secrets())).containsEntry("password", "db-pass");
        assertThat(store.catalogVersion()).isGreaterThan(before);
        assertThatThrownBy(() -> store.create(connector("vehicle-tax", "Again", "x")))
                .isInstanceOf(ConnectorStore.AlreadyExistsException.class);
    }

    @Test
    void updateHappensOnlyAtTheVersionRead() {
        StoredConnector created = store.create(connector("pensions", "Pensions", "a"));
        ConnectorRecord changed = new ConnectorRecord("pensions", "legacy-database", "Pension account",
                Optional.empty(), "dwp", Map.of("jdbc-url", "jdbc:postgresql://db2/x"), created.connector().secrets(),
                ConnectorMigration.dualRunningUntil(LocalDate.of(2027, 3, 31)), false);

        StoredConnector updated = store.update(changed, created.version()).orElseThrow();

        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(updated.connector()).isEqualTo(changed);
        assertThat(store.update(changed, created.version())).isEmpty();
    }

    @Test
    void fileDeclarationsAreWrittenUnlessAnOperatorTookThemOver() {
        store.replaceFileDeclared(List.of(connector("from-file", "From file", "a"),
                connector("taken-over", "Taken over", "b"), connector("dropped", "Dropped", "c")), byValue);
        StoredConnector takenOver = store.find("taken-over").orElseThrow();
        store.update(takenOver.connector().withEnabled(false), takenOver.version());
        long version = store.find("from-file").orElseThrow().version();

        List<String> ignored = store.replaceFileDeclared(List.of(connector("from-file", "From file", "a"),
                connector("taken-over", "Taken over", "b")), byValue);

        assertThat(ignored).containsExactly("taken-over");
        assertThat(store.find("dropped")).isEmpty();
        assertThat(store.find("taken-over").orElseThrow().connector().enabled()).isFalse();
        assertThat(store.find("from-file").orElseThrow().version()).as("unchanged, not rewritten").isEqualTo(version);

        store.replaceFileDeclared(List.of(connector("from-file", "From file", "new-password")), byValue);
        StoredConnector rewritten = store.find("from-file").orElseThrow();
        assertThat(rewritten.version()).isEqualTo(version + 1);
        assertThat(sealer.open("from-file", rewritten.connector().secrets())).containsEntry("password", "new-password");
        assertThat(store.find("taken-over")).as("an operator's connector stays").isPresent();
    }

    @Test
    void pagesFollowCreationOrder() {
        store.create(connector("a-one", "One", "x"));
        store.create(connector("b-two", "Two", "x"));
        store.create(connector("c-three", "Three", "x"));

        List<StoredConnector> first = store.page(0, 2);
        assertThat(first).extracting(StoredConnector::id).containsExactly("a-one", "b-two");
        assertThat(store.page(first.get(1).seq(), 2)).extracting(StoredConnector::id).containsExactly("c-three");
    }
}
