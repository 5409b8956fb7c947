package dev.signet.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.storage.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL server per test JVM (started on first use, ~3 s), with a fresh, fully migrated database for
 * each caller so tests never see each other's rows.
 */
public final class PostgresTestServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private PostgresTestServer() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** JDBC URL of a new, empty database (no migrations applied). */
    public static String newEmptyDatabaseUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server().jdbcUrl(name);
    }

    /** A pooled data source on a new database with every Flyway migration of Signet applied. */
    public static HikariDataSource newMigratedDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(newEmptyDatabaseUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        // Tests rarely close their pools: idle connections go back to the shared server instead of piling up.
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
