package dev.signet.server.audit;

import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.jdbc.JdbcAuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log (docs/audit-log.md) and the writer of the citizens' journey events. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /** Events that can wait for the database before journeys write their own (about 10 MB at most). */
    static final int QUEUE_CAPACITY = 10_000;

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        return new JdbcAuditLog(dataSource);
    }

    @Bean
    AuditTrail auditTrail(AuditLog auditLog, Clock clock, MeterRegistry meters) {
        return new AuditTrail(auditLog, clock, meters, QUEUE_CAPACITY, Duration.ofMillis(500));
    }
}
