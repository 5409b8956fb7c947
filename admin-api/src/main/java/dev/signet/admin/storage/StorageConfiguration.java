package dev.signet.admin.storage;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.jdbc.JdbcAuditLog;
import dev.signet.core.idempotency.IdempotencyStore;
import dev.signet.core.idempotency.jdbc.JdbcIdempotencyStore;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.jdbc.JdbcSessionEndingOutbox;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.mfa.jdbc.JdbcRecoveryCodeRepository;
import dev.signet.core.mfa.jdbc.JdbcSecondFactorRepository;
import dev.signet.core.notify.AccountNoticeOutbox;
import dev.signet.core.notify.jdbc.JdbcAccountNoticeOutbox;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.jdbc.JdbcPasskeyRepository;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * identity-core's PostgreSQL adapters on the database identity-server uses. Both applications apply the same Flyway
 * migrations (from identity-core), so either may start first.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    /** A request that claimed an idempotency key and never finished (its instance died) frees it after this. */
    static final Duration ABANDONED_CLAIM = Duration.ofMinutes(2);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountRepository accountRepository(DataSource dataSource, Clock clock) {
        return new JdbcAccountRepository(dataSource, clock);
    }

    @Bean
    SecondFactorRepository secondFactorRepository(DataSource dataSource) {
        return new JdbcSecondFactorRepository(dataSource);
    }

    @Bean
    RecoveryCodeRepository recoveryCodeRepository(DataSource dataSource) {
        return new JdbcRecoveryCodeRepository(dataSource);
    }

    @Bean
    PasskeyRepository passkeyRepository(DataSource dataSource) {
        return new JdbcPasskeyRepository(dataSource);
    }

    /** Where interventions and erasures ask identity-server to end the account's sessions (migration V80). */
    @Bean
    SessionEndingOutbox sessionEndingOutbox(DataSource dataSource, Clock clock) {
        return new JdbcSessionEndingOutbox(dataSource, clock);
    }

    /** Where support actions queue messages to the citizen, which identity-server sends (migration V81). */
    @Bean
    AccountNoticeOutbox accountNoticeOutbox(DataSource dataSource, Clock clock) {
        return new JdbcAccountNoticeOutbox(dataSource, clock);
    }

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        return new JdbcAuditLog(dataSource);
    }

    @Bean
    IdempotencyStore idempotencyStore(DataSource dataSource, Clock clock) {
        return new JdbcIdempotencyStore(dataSource, clock, ABANDONED_CLAIM);
    }

    @Bean
    IdempotencyKeyPurge idempotencyKeyPurge(IdempotencyStore store) {
        return new IdempotencyKeyPurge(store);
    }

    /** Removes expired idempotency keys every hour (any instance may; the delete is idempotent). */
    static final class IdempotencyKeyPurge {
        private final IdempotencyStore store;

        IdempotencyKeyPurge(IdempotencyStore store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
        void purge() {
            store.purgeExpired();
        }
    }
}
