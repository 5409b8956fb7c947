package dev.signet.admin.storage;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.jdbc.JdbcAuditLog;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.events.jdbc.JdbcIssuedSubjects;
import dev.signet.core.events.jdbc.JdbcSecurityEventOutbox;
import dev.signet.core.idempotency.IdempotencyStore;
import dev.signet.core.links.IdentityLinks;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.jdbc.JdbcIdentityLinks;
import dev.signet.core.links.jdbc.JdbcLinkedIdentityRepository;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.merge.jdbc.JdbcAccountMerges;
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
    LinkedIdentityRepository linkedIdentityRepository(DataSource dataSource) {
        return new JdbcLinkedIdentityRepository(dataSource);
    }

    /**
     * Security events to relying parties (migrations V87, V88): queued here, in the merge's or unlink's transaction,
     * and signed and delivered by identity-server's worker. The relying parties are read from the database, where
     * identity-server keeps the file's and the admin-registered ones.
     */
    @Bean
    RelyingPartyEvents relyingPartyEvents(DataSource dataSource, Clock clock) {
        return new RelyingPartyEvents(new JdbcIssuedSubjects(dataSource, clock),
                new JdbcRelyingPartyRepository(dataSource, clock), new JdbcSecurityEventOutbox(dataSource, clock));
    }

    @Bean
    AccountMerges accountMerges(DataSource dataSource, RelyingPartyEvents events, SessionEndingOutbox sessionEndings,
            AuditLog auditLog, Clock clock) {
        return new JdbcAccountMerges(dataSource, events, sessionEndings, auditLog, clock);
    }

    @Bean
    IdentityLinks identityLinks(DataSource dataSource, RelyingPartyEvents events, AuditLog auditLog, Clock clock) {
        return new JdbcIdentityLinks(dataSource, events, auditLog, clock);
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
