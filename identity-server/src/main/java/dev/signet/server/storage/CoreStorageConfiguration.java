package dev.signet.server.storage;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires identity-core's PostgreSQL adapters. */
@Configuration(proxyBeanMethods = false)
public class CoreStorageConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountRepository accountRepository(DataSource dataSource, Clock clock) {
        return new JdbcAccountRepository(dataSource, clock);
    }
}
