package dev.signet.connector.legacydb;

import dev.signet.connector.LegacyIdentity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL the connector runs, built once from the mapped (and validated) table or query and column names, and the
 * reading of its rows. Values typed by citizens are always bound as parameters, never written into SQL.
 */
final class UserTable {

    /** One user's row, as read. */
    record Row(String subject, Optional<String> passwordHash, Optional<String> salt, LegacyIdentity identity) {

        @Override
        public String toString() {
            return "Row[(redacted)]";
        }
    }

    private final String connectorId;
    private final LegacyDatabaseSettings settings;
    private final String select;
    private volatile Map<String, ColumnType> columnTypes;

    UserTable(String connectorId, LegacyDatabaseSettings settings) {
        this.connectorId = connectorId;
        this.settings = settings;
        Set<String> columns = new LinkedHashSet<>();
        LegacyDatabaseSettings.Columns mapped = settings.columns();
        columns.add(mapped.subject());
        columns.add(mapped.login());
        columns.add(mapped.passwordHash());
        mapped.salt().ifPresent(columns::add);
        mapped.emailVerified().ifPresent(columns::add);
        columns.addAll(settings.attributes().values());
        columns.addAll(settings.verifiedAttributes().values());
        this.select = "SELECT " + String.join(", ", columns) + " FROM " + settings.source();
    }

    /** At most two rows whose login column matches {@code loginName} (two means the login is ambiguous). */
    List<Row> byLogin(Connection connection, String loginName) throws SQLException {
        String login = settings.columns().login();
        String where = settings.caseInsensitiveLogin() ? " WHERE LOWER(" + login + ") = LOWER(?)"
                : " WHERE " + login + " = ?";
        Optional<Object> value = bindable(connection, login, loginName);
        return value.isEmpty() ? List.of() : query(connection, select + where, 2, value);
    }

    /** The row whose subject column is {@code subject}. */
    List<Row> bySubject(Connection connection, String subject) throws SQLException {
        String column = settings.columns().subject();
        Optional<Object> value = bindable(connection, column, subject);
        return value.isEmpty() ? List.of() : query(connection, select + " WHERE " + column + " = ?", 2, value);
    }

    /** Up to {@code size} rows in subject order, after {@code cursor} when given. */
    List<Row> page(Connection connection, Optional<String> cursor, int size) throws SQLException {
        String column = settings.columns().subject();
        if (cursor.isEmpty()) {
            return query(connection, select + " ORDER BY " + column, size, Optional.empty());
        }
        Optional<Object> after = bindable(connection, column, cursor.get());
        if (after.isEmpty()) {
            throw new SQLException("listing cursor does not fit the subject column", "22018");
        }
        return query(connection, select + " WHERE " + column + " > ? ORDER BY " + column, size, after);
    }

    private List<Row> query(Connection connection, String sql, int maxRows, Optional<Object> parameter)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.setMaxRows(maxRows);
            statement.setFetchSize(Math.min(maxRows, 1000));
            if (parameter.isPresent()) {
                statement.setObject(1, parameter.get());
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Row> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(read(rows));
                }
                return read;
            }
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout((int) Math.max(1, settings.queryTimeout().toSeconds()));
        return statement;
    }

    private Row read(ResultSet rows) throws SQLException {
        LegacyDatabaseSettings.Columns columns = settings.columns();
        String subject = rows.getString(columns.subject());
        if (subject == null || subject.isEmpty()) {
            throw new SQLException("a user row has no subject", "22004");
        }
        Map<String, String> verified = new LinkedHashMap<>();
        Map<String, String> unverified = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : settings.verifiedAttributes().entrySet()) {
            String value = rows.getString(attribute.getValue());
            if (value != null) {
                verified.put(attribute.getKey(), value);
            }
        }
        for (Map.Entry<String, String> attribute : settings.attributes().entrySet()) {
            String value = rows.getString(attribute.getValue());
            if (value != null) {
                unverified.put(attribute.getKey(), value);
            }
        }
        if (columns.emailVerified().isPresent() && rows.getBoolean(columns.emailVerified().get())
                && unverified.containsKey("email")) {
            verified.put("email", unverified.remove("email"));
        }
        Optional<String> hash = Optional.ofNullable(rows.getString(columns.passwordHash()));
        Optional<String> salt = Optional.empty();
        if (columns.salt().isPresent()) {
            salt = Optional.ofNullable(rows.getString(columns.salt().get()));
        }
        return new Row(subject, hash, salt, new LegacyIdentity(connectorId, subject, verified, unverified));
    }

    /**
     * {@code value} as the column's type needs it bound: a number for a numeric column, a UUID for a uuid column
     * (empty when the text cannot be one, so that nothing matches), text otherwise. Strict databases refuse to
     * compare text with an integer column.
     */
    private Optional<Object> bindable(Connection connection, String column, String value) throws SQLException {
        ColumnType type = columnTypes(connection).getOrDefault(column.toLowerCase(Locale.ROOT),
                new ColumnType(Types.VARCHAR, "varchar"));
        try {
            if (type.name().equalsIgnoreCase("uuid")) {
                return Optional.of(UUID.fromString(value));
            }
            return switch (type.sqlType()) {
                case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Optional.of(Integer.valueOf(value));
                case Types.BIGINT -> Optional.of(Long.valueOf(value));
                case Types.NUMERIC, Types.DECIMAL -> Optional.of(new BigDecimal(value));
                default -> Optional.of(value);
            };
        } catch (IllegalArgumentException notOfThatType) {
            return Optional.empty();
        }
    }

    private record ColumnType(int sqlType, String name) {
    }

    private Map<String, ColumnType> columnTypes(Connection connection) throws SQLException {
        Map<String, ColumnType> types = columnTypes;
        if (types == null) {
            try (PreparedStatement statement = prepare(connection, select + " WHERE 1 = 0");
                    ResultSet empty = statement.executeQuery()) {
                ResultSetMetaData meta = empty.getMetaData();
                Map<String, ColumnType> read = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    read.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
                            new ColumnType(meta.getColumnType(i), String.valueOf(meta.getColumnTypeName(i))));
                }
                types = Map.copyOf(read);
                columnTypes = types;
            }
        }
        return types;
    }
}
