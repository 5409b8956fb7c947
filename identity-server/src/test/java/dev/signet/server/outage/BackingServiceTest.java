package dev.signet.server.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class BackingServiceTest {

    @Test
    void lettuceFailuresToReachRedisAreARedisOutage() {
        assertThat(BackingService.outageBehind(new RedisSystemException("wrapped",
                new RedisException("Currently not connected. Commands are rejected."))))
                .contains(BackingService.REDIS);
        assertThat(BackingService.outageBehind(new RedisConnectionException("refused")))
                .contains(BackingService.REDIS);
        assertThat(BackingService.outageBehind(new IllegalStateException(new RedisCommandTimeoutException("slow"))))
                .contains(BackingService.REDIS);
        assertThat(BackingService.outageBehind(new RedisLoadingException("LOADING"))).contains(BackingService.REDIS);
    }

    @Test
    void anErrorReplyFromALiveRedisIsNotAnOutage() {
        assertThat(BackingService.outageBehind(new RedisCommandExecutionException("WRONGTYPE"))).isEmpty();
    }

    @Test
    void noConnectionOrAConnectionEndedByPostgresIsADatabaseOutage() {
        assertThat(BackingService.outageBehind(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("timeout")))).contains(BackingService.POSTGRESQL);
        assertThat(BackingService.outageBehind(new RuntimeException(new SQLException("refused", "08001"))))
                .contains(BackingService.POSTGRESQL);
        assertThat(BackingService.outageBehind(new SQLException("terminating connection", "57P01")))
                .contains(BackingService.POSTGRESQL);
    }

    @Test
    void theOutageARollbackFailureHidesIsFound() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("terminating connection", "57P01"));

        assertThat(BackingService.outageBehind(rollback)).contains(BackingService.POSTGRESQL);
    }

    @Test
    void aConstraintViolationOrABugIsNotAnOutage() {
        assertThat(BackingService.outageBehind(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(BackingService.outageBehind(new NullPointerException())).isEmpty();
    }
}
