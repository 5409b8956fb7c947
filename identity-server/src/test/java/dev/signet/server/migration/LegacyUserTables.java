package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.PostgresTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The old systems of the migration tests: two legacy user tables in a real PostgreSQL database (one per JVM), read by
 * the connectors of signet/test-connectors-migration.yml, and an address where no database answers.
 */
final class LegacyUserTables {

    /** Hashes of "correct horse battery staple" (connector-sdk's hash vectors, with the tools that made them). */
    static final String LEGACY_PASSWORD = "correct horse battery staple";
    // mkpasswd -m bcrypt -R 5
    static final String BCRYPT = "$2b$05$lhdMD/.laFDvPIXp64GcVengDmKZOo5wtK82Qm/owaXzQYblTYpKu";
    // openssl passwd -6
    static final String SHA512_CRYPT = "$6$5baSH5c.SuD.50/7$gf.Y/lxWX9tUccsCciXUn048CMJlJPKVUEzrCb6R7lpKGbTN3d"
            + "UiZ/HLHQpecLhDBykZ5MpWDwoL1loNuya4E0";
    // Django's PBKDF2-SHA256 (python3 legacy_hashes.py django sha256 ... 1000)
    static final String DJANGO_PBKDF2 =
            "pbkdf2_sha256$1000$KGhkGWWoiw4s1WH8s9cOLQ$CS7dypMoTpJry2cOVBADvUqxSL229MAs85Z//kdbMZ0=";
    // slappasswd -h '{SSHA}'
    static final String LDAP_SSHA = "{SSHA}19YDuiczesUfz3PpFKlRom62cLkDppnf";
    /** openssl passwd -6 'changed in the old system' */
    static final String CHANGED_PASSWORD = "changed in the old system";
    static final String CHANGED_SHA512_CRYPT = "$6$ZSsGtDcRmAEGAlPT$MK/p.NFqgM7suZ6cJ/6b4G.ZaFJVA2ioSEgPAQ7/mSR"
            + "B.8PfpYdp9t7oGxbuOXiWgtahPUopBP6ESICK9zOdq/";

    /** On Signet's common-password list: an old system accepts it, Signet's rules do not. */
    static final String COMMON_PASSWORD = "password123";
    // openssl passwd -6 -salt weakpw0123456789 password123
    static final String COMMON_SHA512_CRYPT = "$6$weakpw0123456789$zCFpDQn5w7xYTfxsQsHMADRm115h/vL0m3RooBfVWaSP.UWd"
            + "qTPhrdKXl9T/m.y74pKlTjNnqAZSMpmb5Yenn0";
    /** Also on the list, for a weak password chosen in the old system while it is still in charge. */
    static final String COMMON_CHANGED_PASSWORD = "letmein123";
    // openssl passwd -6 -salt dualweak01234567 letmein123
    static final String COMMON_CHANGED_SHA512_CRYPT = "$6$dualweak01234567$bi6H9O0UmQF4TajoZ8l0NrrqFJ9sfpVBsRUxyK3FP"
            + "dz1FmvEm7AJi.UEWRsV8nA3Rt.Su4M4DnejSfkGIXjHi/";

    private static String legacyUrl;

    private LegacyUserTables() {
    }

    /** Points the server at the test connectors file and its databases. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-migration.yml");
        registry.add("test.legacy.jdbc-url", LegacyUserTables::legacyDatabase);
        registry.add("test.unreachable.jdbc-url", () -> "jdbc:postgresql://127.0.0.1:" + closedPort() + "/gone");
    }

    /** The migration tests' legacy database (vehicle_tax_users, council_tax_users), created on first use. */
    static synchronized String legacyDatabase() {
        if (legacyUrl == null) {
            legacyUrl = PostgresTestServer.newEmptyDatabaseUrl();
            legacySql("""
                    CREATE TABLE vehicle_tax_users (customer_no bigint PRIMARY KEY, login text NOT NULL UNIQUE,
                        pwd text, email text, email_checked boolean NOT NULL DEFAULT false);
                    CREATE TABLE council_tax_users (id text PRIMARY KEY, username text NOT NULL UNIQUE,
                        password_hash text, email text, email_checked boolean NOT NULL DEFAULT false);""");
        }
        return legacyUrl;
    }

    static void legacyUser(String table, String login, String hash, String email, boolean emailChecked) {
        String subjectColumn = table.equals("vehicle_tax_users") ? "customer_no" : "id";
        String loginColumn = table.equals("vehicle_tax_users") ? "login" : "username";
        String hashColumn = table.equals("vehicle_tax_users") ? "pwd" : "password_hash";
        Object subject = table.equals("vehicle_tax_users")
                ? (Object) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L) : login;
        try (Connection connection = legacyConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + subjectColumn + ", " + loginColumn + ", " + hashColumn
                        + ", email, email_checked) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, subject);
            insert.setString(2, login);
            insert.setString(3, hash);
            insert.setString(4, email);
            insert.setBoolean(5, emailChecked);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subjectOf(String table, String login) {
        String sql = table.equals("vehicle_tax_users") ? "SELECT customer_no::text FROM vehicle_tax_users WHERE login = ?"
                : "SELECT id FROM council_tax_users WHERE username = ?";
        try (Connection connection = legacyConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, login);
            var rows = query.executeQuery();
            if (!rows.next()) {
                throw new IllegalStateException("No legacy user " + login);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void updateLegacyPassword(String table, String login, String hash) {
        String sql = table.equals("vehicle_tax_users") ? "UPDATE vehicle_tax_users SET pwd = ? WHERE login = ?"
                : "UPDATE council_tax_users SET password_hash = ? WHERE username = ?";
        try (Connection connection = legacyConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, hash);
            update.setString(2, login);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteLegacyUser(String table, String login) {
        String column = table.equals("vehicle_tax_users") ? "login" : "username";
        try (Connection connection = legacyConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE " + column + " = ?")) {
            delete.setString(1, login);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void legacySql(String sql) {
        try (Connection connection = legacyConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection legacyConnection() throws SQLException {
        return DriverManager.getConnection(legacyDatabase(), "postgres", "");
    }

    /** A port nothing listens on: bound then released, so connections to it are refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
