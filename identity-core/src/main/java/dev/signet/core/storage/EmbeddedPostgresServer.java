package dev.signet.core.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries shipped in a Maven artifact: the store behind Signet's embedded
 * default (data kept in {@code dataDirectory} across restarts) and behind the test suite (a throw-away directory).
 * The same JDBC adapters run against it as against a production server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    /**
     * Starts a server that keeps its data in {@code dataDirectory}, creating it on first use.
     *
     * @throws DataDirectoryInUseException when another process (or this one) already runs a server on that directory
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory.toAbsolutePath().getParent());
            FileChannel lock = lockOrFail(dataDirectory);
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .start();
                log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
                return new EmbeddedPostgresServer(postgres, lock);
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + dataDirectory, e);
        }
    }

    /**
     * Our own lock, held for the server's life, so that a second Signet on the same data directory stops with a
     * clear message before PostgreSQL itself is touched. It sits beside the directory: initdb wants an empty one.
     */
    private static FileChannel lockOrFail(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.toAbsolutePath().resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock acquired = channel.tryLock();
            if (acquired != null) {
                return channel;
            }
        } catch (OverlappingFileLockException alreadyHeldByThisProcess) {
            // fall through: in use
        }
        channel.close();
        throw new DataDirectoryInUseException(dataDirectory);
    }

    /** Another embedded server already keeps its data in this directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        private final transient Path dataDirectory;

        DataDirectoryInUseException(Path dataDirectory) {
            super("The embedded database in " + dataDirectory + " is already in use by another process");
            this.dataDirectory = dataDirectory;
        }

        public Path dataDirectory() {
            return dataDirectory;
        }
    }

    /**
     * Starts a server whose data is deleted when it stops: the tests' server, shared by every test class of a JVM, each
     * with its own database and pool, so it allows more connections than PostgreSQL's default 100.
     */
    public static EmbeddedPostgresServer startEphemeral() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().setServerConfig("max_connections", "500")
                    .start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL server", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} as the {@code postgres} superuser. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** A plain (unpooled) data source for the {@code postgres} database, for administration. */
    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
