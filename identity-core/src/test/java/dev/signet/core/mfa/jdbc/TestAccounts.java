package dev.signet.core.mfa.jdbc;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Accounts for the second-factor tables to refer to. */
final class TestAccounts {

    private TestAccounts() {
    }

    static UUID create(DataSource database) {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        new JdbcAccountRepository(database, Clock.systemUTC()).create(new Account(id, id + "@example.com", true,
                Optional.empty(), AccountStatus.ACTIVE, now, now));
        return id;
    }
}
