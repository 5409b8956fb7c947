package dev.signet.admin.imports;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.idempotency.IdempotencyKeyFilter;
import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.operator.OperatorScopes;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Bulk import jobs: starting one needs {@code admin.manage}; following it and reading its report {@code admin.read}.
 * The upload handles its own idempotency key (see {@link ImportJobUploads}), so the general filter, which holds a
 * body in memory, leaves it alone.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    static final String PATH = "/import-jobs";

    @Bean
    EndpointAuthorization importJobAuthorization() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, PATH)
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.GET, PATH, PATH + "/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.READ));
    }

    @Bean
    IdempotencyKeyFilter.OwnKeys importJobUploadsHandleTheirOwnKeys() {
        return request -> "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI());
    }

    @Bean
    JdbcImportJobStore importJobStore(DataSource dataSource) {
        return new JdbcImportJobStore(dataSource);
    }

    @Bean
    ImportJobAudit importJobAudit(AuditLog auditLog, Clock clock) {
        return new ImportJobAudit(auditLog, clock);
    }

    @Bean
    ImportJobUploads importJobUploads(JdbcImportJobStore store, OperatorAudit operatorAudit,
            TransactionOperations transactions, Clock clock, ImportJobProperties properties) {
        return new ImportJobUploads(store, operatorAudit, transactions, clock, properties.maxFileSize().toBytes());
    }

    @Bean
    ImportJobRunner importJobRunner(JdbcImportJobStore store, DataSource dataSource, ImportJobAudit audit,
            TransactionOperations transactions, Clock clock, ImportJobProperties properties) {
        return new ImportJobRunner(store, dataSource, audit, transactions, clock, properties.staleAfter());
    }
}
