package dev.signet.server.factors;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AccountLock} as a PostgreSQL transaction holding an advisory lock on the account: the repositories' JDBC
 * work inside it joins the same transaction (same data source), and a second removal for the same account, on any
 * instance, waits until the first has committed, so it counts what is really left.
 */
final class PostgresAccountLock implements AccountLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PostgresAccountLock(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public <T> T whileLocked(UUID accountId, Supplier<T> work) {
        return transactions.execute(status -> {
            // Two 32-bit keys from the 128-bit id: a collision only makes two accounts wait for each other.
            jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
                    .params((int) (accountId.getMostSignificantBits() >>> 32), (int) accountId.getLeastSignificantBits())
                    .query().singleValue();
            return work.get();
        });
    }
}
