package dev.signet.connector.legacydb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import dev.signet.connector.legacydb.hash.HashCheck;
import dev.signet.connector.legacydb.hash.LegacyPasswordHashes;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A legacy password database: checks passwords against the mapped table or query, looks users up by login name or
 * subject, and lists them in subject order. Opened by {@link LegacyDatabaseType}.
 *
 * <p>It reads only: it never writes to the legacy database. Connections come from a small pool that is created at
 * once but connects lazily, so the connector opens while the database is down and answers {@link Unavailable}
 * (within {@code connect-timeout}) until it is back. Logs name the connector and what went wrong (an SQLSTATE, a
 * hash format), never a login name, password, subject or database message, which can quote values.
 */
final class LegacyDatabaseConnector implements PasswordConnector, LookupConnector, ListingConnector {

    private static final Logger log = LoggerFactory.getLogger(LegacyDatabaseConnector.class);

    /** Longest login name looked up; anything longer is no one's. */
    private static final int MAX_LOGIN_LENGTH = 320;

    /**
     * How much longer than the query timeout Signet waits on the socket: time for the driver's cancel to come back as
     * a clean error before giving up on a server that answers nothing at all (paused, or a network that drops
     * packets), which a query timeout alone cannot end.
     */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(1);

    /** SQLSTATE of a statement the driver cancelled at its query timeout (PostgreSQL's, not an SQLTimeoutException). */
    private static final String QUERY_CANCELED = "57014";

    private final ConnectorInstance instance;
    private final LegacyDatabaseSettings settings;
    private final UserTable users;
    private final LegacyPasswordHashes hashes;
    private final HikariDataSource pool;
    /** Checked when no user matches, so that an unknown login costs about what a known one does. */
    private final String decoyHash;

    LegacyDatabaseConnector(ConnectorInstance instance, LegacyDatabaseSettings settings) {
        this.instance = instance;
        this.settings = settings;
        this.users = new UserTable(instance.id(), settings);
        this.hashes = new LegacyPasswordHashes(settings.hashOptions());
        this.pool = pool(instance, settings);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        this.decoyHash = OpenBSDBCrypt.generate("2b", new char[] {'x'}, salt, 10);
    }

    private static HikariDataSource pool(ConnectorInstance instance, LegacyDatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("legacy-database-" + instance.id());
        config.setJdbcUrl(settings.jdbcUrl());
        settings.username().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maxConnections());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, settings.connectTimeout().toMillis() / 2));
        config.setInitializationFailTimeout(-1); // open even when the database is down
        config.setReadOnly(true);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * A pooled connection whose every read is bounded. The query timeout is the driver's: it asks the server to cancel
     * the statement, which a server that has stopped answering never does; the network timeout ends that wait too (the
     * driver then closes the connection, and the pool replaces it).
     */
    private Connection connection() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setNetworkTimeout(Runnable::run, (int) settings.queryTimeout().plus(CANCEL_GRACE).toMillis());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public ConnectorInstance instance() {
        return instance;
    }

    @Override
    public SignInOutcome checkPassword(String loginName, Password password) {
        if (password.isEmpty() || !isPlausibleKey(loginName)) {
            return new InvalidCredentials();
        }
        List<UserTable.Row> rows;
        try (Connection connection = connection()) {
            rows = users.byLogin(connection, loginName);
        } catch (SQLException e) {
            return unavailable("password check", e);
        }
        if (rows.isEmpty()) {
            hashes.check(password, decoyHash, Optional.empty());
            log.debug("Connector {}: no user with that login name", instance.id());
            return new InvalidCredentials();
        }
        if (rows.size() > 1) {
            log.warn("Connector {}: a login name matches more than one user; refused. Make the login column unique "
                    + "(or use login-match: exact)", instance.id());
            return new InvalidCredentials();
        }
        UserTable.Row row = rows.get(0);
        if (row.passwordHash().filter(hash -> !hash.isBlank()).isEmpty()) {
            log.debug("Connector {}: the user has no password", instance.id());
            return new InvalidCredentials();
        }
        HashCheck check = hashes.check(password, row.passwordHash().get(), row.salt());
        if (check instanceof HashCheck.Matches matches) {
            log.debug("Connector {}: password matched ({})", instance.id(), matches.format());
            return new Authenticated(row.identity());
        }
        if (check instanceof HashCheck.Unreadable unreadable) {
            log.warn("Connector {}: a user's stored password hash cannot be checked: {}", instance.id(),
                    unreadable.reason());
        } else {
            log.debug("Connector {}: password did not match", instance.id());
        }
        return new InvalidCredentials();
    }

    @Override
    public LookupOutcome lookUp(UserKey key) {
        try (Connection connection = connection()) {
            List<UserTable.Row> rows = key instanceof UserKey.BySubject subject
                    ? (isPlausibleKey(subject.subject()) ? users.bySubject(connection, subject.subject()) : List.of())
                    : lookUpLogin(connection, ((UserKey.ByLoginName) key).loginName());
            if (rows.size() > 1) {
                log.warn("Connector {}: a lookup matches more than one user; treated as not found", instance.id());
            }
            return rows.size() == 1 ? new Found(rows.get(0).identity()) : new NotFound();
        } catch (SQLException e) {
            return unavailable("lookup", e);
        }
    }

    private List<UserTable.Row> lookUpLogin(Connection connection, String loginName) throws SQLException {
        if (!isPlausibleKey(loginName)) {
            return List.of();
        }
        return users.byLogin(connection, loginName);
    }

    /**
     * Whether a login name or subject could be in the table at all. A NUL character cannot (PostgreSQL refuses it in
     * text, and would fail the query: a citizen could make the connector look unavailable by typing one).
     */
    private static boolean isPlausibleKey(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_LOGIN_LENGTH && key.indexOf('\0') < 0;
    }

    @Override
    public ListingOutcome list(PageRequest request) {
        try (Connection connection = connection()) {
            List<UserTable.Row> rows = users.page(connection, request.cursor(), request.size());
            Optional<PageRequest> next = rows.size() < request.size() ? Optional.empty()
                    : Optional.of(new PageRequest(Optional.of(rows.get(rows.size() - 1).subject()), request.size()));
            return new Page(rows.stream().map(UserTable.Row::identity).toList(), next);
        } catch (SQLException e) {
            return unavailable("listing", e);
        }
    }

    /** An outcome and a log line that say what failed without quoting the database's message (it can hold values). */
    private Unavailable unavailable(String operation, SQLException e) {
        String reason;
        if (e instanceof SQLTransientConnectionException) {
            reason = "no database connection within " + settings.connectTimeout();
        } else if (e instanceof SQLTimeoutException || QUERY_CANCELED.equals(e.getSQLState())
                || isNetworkTimeout(e)) {
            reason = "database query took longer than " + settings.queryTimeout();
        } else {
            reason = "database error, SQLSTATE " + e.getSQLState() + " (" + e.getClass().getSimpleName() + ")";
        }
        log.warn("Connector {}: {} failed: {}", instance.id(), operation, reason);
        return new Unavailable(reason);
    }

    /** The driver gave up reading at the network timeout (PostgreSQL: an I/O error, SQLSTATE 08006, of a timeout). */
    private static boolean isNetworkTimeout(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }
}
