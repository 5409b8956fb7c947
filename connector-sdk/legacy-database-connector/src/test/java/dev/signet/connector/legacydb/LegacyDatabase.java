package dev.signet.connector.legacydb;

import dev.signet.core.testing.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database on the test PostgreSQL server, playing a department's legacy user store. */
final class LegacyDatabase {

    final String jdbcUrl;

    private LegacyDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static LegacyDatabase create(String... statements) {
        LegacyDatabase database = new LegacyDatabase(PostgresTestServer.newEmptyDatabaseUrl());
        database.execute(statements);
        return database;
    }

    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code sql} with {@code values} bound in order. */
    void insert(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
