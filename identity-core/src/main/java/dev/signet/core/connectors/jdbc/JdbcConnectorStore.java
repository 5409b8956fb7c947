package dev.signet.core.connectors.jdbc;

import dev.signet.core.connectors.ConnectorMigration;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.connectors.SealedSecrets;
import dev.signet.core.connectors.StoredConnector;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link ConnectorStore} on PostgreSQL (tables {@code connector} and {@code connector_catalog}, migration V97). */
public final class JdbcConnectorStore implements ConnectorStore {

    private static final String COLUMNS = "id, seq, type, display_name, welsh_display_name, department, settings, "
            + "secret_names, sealed_secrets, migration, keep_checking_until, enabled, source, version, created_at, "
            + "updated_at";
    private static final String DECLARED = "type = ?, display_name = ?, welsh_display_name = ?, department = ?, "
            + "settings = ?::jsonb, secret_names = ?, sealed_secrets = ?, migration = ?, keep_checking_until = ?, "
            + "enabled = ?";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcConnectorStore(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StoredConnector> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector ORDER BY seq").query(JdbcConnectorStore::map).list();
    }

    @Override
    public Optional<StoredConnector> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE id = ?").param(id)
                .query(JdbcConnectorStore::map).optional();
    }

    @Override
    public List<StoredConnector> page(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(afterSeq, limit).query(JdbcConnectorStore::map).list();
    }

    @Override
    public StoredConnector create(ConnectorRecord connector) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            insert(connector, StoredConnector.Source.ADMIN, now);
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException(connector.id());
        }
        return find(connector.id()).orElseThrow();
    }

    private void insert(ConnectorRecord connector, StoredConnector.Source source, Timestamp now) {
        List<Object> params = new ArrayList<>();
        params.add(connector.id());
        params.addAll(declared(connector));
        params.addAll(List.of(source.name(), now, now));
        jdbc.sql("INSERT INTO connector (id, type, display_name, welsh_display_name, department, settings, "
                        + "secret_names, sealed_secrets, migration, keep_checking_until, enabled, source, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(params).update();
    }

    @Override
    public Optional<StoredConnector> update(ConnectorRecord connector, long expectedVersion) {
        List<Object> params = new ArrayList<>(declared(connector));
        params.addAll(List.of(Timestamp.from(clock.instant()), connector.id(), expectedVersion));
        int updated = jdbc.sql("UPDATE connector SET " + DECLARED + ", source = 'ADMIN', version = version + 1, "
                        + "updated_at = ? WHERE id = ? AND version = ?")
                .params(params).update();
        return updated == 1 ? find(connector.id()) : Optional.empty();
    }

    @Override
    public List<String> replaceFileDeclared(List<ConnectorRecord> declared, SecretsEquality sameSecrets) {
        return transactions.execute(status -> {
            String[] ids = declared.stream().map(ConnectorRecord::id).toArray(String[]::new);
            jdbc.sql("DELETE FROM connector WHERE source = 'FILE' AND NOT (id = ANY (?))").param(ids).update();
            List<String> managedByAdmin = new ArrayList<>();
            Timestamp now = Timestamp.from(clock.instant());
            for (ConnectorRecord connector : declared) {
                Optional<StoredConnector> existing = jdbc.sql("SELECT " + COLUMNS + " FROM connector WHERE id = ? "
                        + "FOR UPDATE").param(connector.id()).query(JdbcConnectorStore::map).optional();
                if (existing.isEmpty()) {
                    insert(connector, StoredConnector.Source.FILE, now);
                } else if (existing.get().source() == StoredConnector.Source.ADMIN) {
                    managedByAdmin.add(connector.id());
                } else if (!sameDeclaration(existing.get().connector(), connector, sameSecrets)) {
                    // Unchanged entries are not rewritten, so a restart does not make every instance reopen them.
                    List<Object> params = new ArrayList<>(declared(connector));
                    params.addAll(List.of(now, connector.id()));
                    jdbc.sql("UPDATE connector SET " + DECLARED + ", version = version + 1, updated_at = ? "
                            + "WHERE id = ?").params(params).update();
                }
            }
            return List.copyOf(managedByAdmin);
        });
    }

    private static boolean sameDeclaration(ConnectorRecord stored, ConnectorRecord declared,
            SecretsEquality sameSecrets) {
        return stored.type().equals(declared.type()) && stored.displayName().equals(declared.displayName())
                && stored.welshDisplayName().equals(declared.welshDisplayName())
                && stored.department().equals(declared.department()) && stored.settings().equals(declared.settings())
                && stored.secrets().names().equals(declared.secrets().names())
                && sameSecrets.same(declared.id(), stored.secrets(), declared.secrets())
                && stored.migration().equals(declared.migration()) && stored.enabled() == declared.enabled();
    }

    @Override
    public long catalogVersion() {
        return jdbc.sql("SELECT version FROM connector_catalog").query(Long.class).single();
    }

    private static List<Object> declared(ConnectorRecord connector) {
        return Arrays.asList(connector.type(), connector.displayName(), connector.welshDisplayName().orElse(null),
                connector.department(), JSON.writeValueAsString(connector.settings()),
                connector.secrets().names().stream().sorted().toArray(String[]::new),
                connector.secrets().sealed().orElse(null), connector.migration().mode().value(),
                connector.migration().keepCheckingUntil().map(Date::valueOf).orElse(null), connector.enabled());
    }

    private static StoredConnector map(ResultSet rs, int row) throws SQLException {
        Array names = rs.getArray("secret_names");
        Set<String> secretNames = names == null ? Set.of() : Set.of((String[]) names.getArray());
        Date until = rs.getDate("keep_checking_until");
        ConnectorMigration migration = until == null ? ConnectorMigration.ON_SIGN_IN
                : ConnectorMigration.dualRunningUntil(until.toLocalDate());
        ConnectorRecord connector = new ConnectorRecord(rs.getString("id"), rs.getString("type"),
                rs.getString("display_name"), Optional.ofNullable(rs.getString("welsh_display_name")),
                rs.getString("department"),
                JSON.readValue(rs.getString("settings"), new TypeReference<Map<String, String>>() { }),
                new SealedSecrets(secretNames, Optional.ofNullable(rs.getBytes("sealed_secrets"))), migration,
                rs.getBoolean("enabled"));
        return new StoredConnector(connector, StoredConnector.Source.valueOf(rs.getString("source")),
                rs.getLong("seq"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
