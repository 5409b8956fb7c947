package dev.signet.server.notify;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.notify.AccountNoticeOutbox;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.notify.jdbc.JdbcAccountNoticeOutbox;
import dev.signet.server.logout.LogoutProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The messages the admin API queues for citizens (migration V81), and the worker that sends them. */
@Configuration(proxyBeanMethods = false)
public class AccountNoticeConfiguration {

    @Bean
    AccountNoticeOutbox accountNoticeOutbox(DataSource dataSource, Clock clock) {
        return new JdbcAccountNoticeOutbox(dataSource, clock);
    }

    @Bean
    AccountNoticeWorker accountNoticeWorker(AccountNoticeOutbox outbox, AccountRepository accounts,
            EmailSender emailSender, MessageSource messages, LogoutProperties retries, Clock clock,
            MeterRegistry meters) {
        return new AccountNoticeWorker(outbox, accounts, emailSender, messages, retries, clock, meters);
    }
}
