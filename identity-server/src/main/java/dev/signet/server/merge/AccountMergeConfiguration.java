package dev.signet.server.merge;

import dev.signet.core.audit.AuditLog;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.links.IdentityLinks;
import dev.signet.core.links.jdbc.JdbcIdentityLinks;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.merge.jdbc.JdbcAccountMerges;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * identity-core's account merge and audited link/unlink services, for citizens' journeys in this server (the admin
 * API wires its own). See docs/account-merge.md.
 */
@Configuration(proxyBeanMethods = false)
class AccountMergeConfiguration {

    @Bean
    AccountMerges accountMerges(DataSource dataSource, RelyingPartyEvents events, SessionEndingOutbox sessionEndings,
            AuditLog auditLog, Clock clock) {
        return new JdbcAccountMerges(dataSource, events, sessionEndings, auditLog, clock);
    }

    @Bean
    IdentityLinks identityLinks(DataSource dataSource, RelyingPartyEvents events, AuditLog auditLog, Clock clock) {
        return new JdbcIdentityLinks(dataSource, events, auditLog, clock);
    }
}
