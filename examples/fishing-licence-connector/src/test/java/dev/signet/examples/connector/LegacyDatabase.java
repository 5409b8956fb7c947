package dev.signet.examples.connector;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The department's old database for tests: a real PostgreSQL (binaries from a Maven artifact, no Docker) holding the
 * {@code anglers} table of {@code anglers.sql} and the read-only role the connector signs in as.
 */
public final class LegacyDatabase implements AutoCloseable {

    public static final String READER = "signet_reader";
    public static final String READER_PASSWORD = "reader-password-for-tests-only";

    private final EmbeddedPostgres postgres;

    private LegacyDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL and creates the anglers table with its three accounts. */
    public static LegacyDatabase start() {
        try {
            LegacyDatabase database = new LegacyDatabase(EmbeddedPostgres.start());
            database.run(script());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the database holding the table. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private void run(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("anglers.sql failed", e);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = LegacyDatabase.class.getResourceAsStream("/anglers.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
