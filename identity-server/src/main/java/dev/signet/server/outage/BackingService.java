package dev.signet.server.outage;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** A server Signet cannot work without, and how to tell from an exception that it is out of reach. */
public enum BackingService {
    REDIS,
    POSTGRESQL;

    /**
     * The backing service whose outage caused {@code failure}, if any. Only failures to reach a server count: a
     * refused command or a constraint violation is a bug or a conflict, not an outage, and keeps its 500 or its own
     * handling.
     */
    public static Optional<BackingService> outageBehind(Throwable failure) {
        return outageBehind(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Follows causes, suppressed exceptions and the failure a rollback hid: when PostgreSQL goes away mid-transaction,
     * Spring throws the rollback's failure ("connection is closed") and keeps the one that says why aside.
     */
    private static Optional<BackingService> outageBehind(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return Optional.empty();
        }
        if (isRedisOutage(failure)) {
            return Optional.of(REDIS);
        }
        if (isDatabaseOutage(failure)) {
            return Optional.of(POSTGRESQL);
        }
        List<Throwable> related = new ArrayList<>(List.of(failure.getSuppressed()));
        related.add(0, failure.getCause());
        if (failure instanceof TransactionSystemException rollback) {
            related.add(rollback.getApplicationException());
        }
        for (Throwable next : related) {
            Optional<BackingService> outage = outageBehind(next, seen);
            if (outage.isPresent()) {
                return outage;
            }
        }
        return Optional.empty();
    }

    /**
     * Lettuce's connection failures, command time-outs and commands rejected while disconnected are all plain
     * {@link RedisException}s; an error reply from a live server is a {@link RedisCommandExecutionException}, which is
     * an outage only when the server is still loading its data or busy with a script.
     */
    private static boolean isRedisOutage(Throwable cause) {
        if (cause instanceof RedisConnectionFailureException) {
            return true;
        }
        if (cause instanceof RedisCommandExecutionException) {
            return cause instanceof RedisLoadingException || cause instanceof RedisBusyException;
        }
        return cause instanceof RedisException;
    }

    /**
     * No connection from the pool in time (Hikari), or PostgreSQL ended the connection: SQLSTATE class 08 (connection
     * exception) and 57P01-57P03 (administrator shut down, crash shut down, cannot connect now).
     */
    private static boolean isDatabaseOutage(Throwable cause) {
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return false;
    }
}
