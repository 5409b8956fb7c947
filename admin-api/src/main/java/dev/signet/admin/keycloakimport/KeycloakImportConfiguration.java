package dev.signet.admin.keycloakimport;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wiring of Keycloak imports, and their access rules: starting one needs {@code admin.manage} (it creates accounts),
 * following one {@code admin.read}.
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakImportConfiguration {

    /** Imports run here, two at most at once per instance; the executor waits for them when the API stops. */
    @Bean
    ThreadPoolTaskExecutor keycloakImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("keycloak-import-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(20);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    KeycloakImports keycloakImports(DataSource dataSource, Clock clock, JdbcKeycloakImportStore store,
            JdbcImportedAccounts importedAccounts, OperatorAudit audit, TransactionOperations transactions,
            ThreadPoolTaskExecutor keycloakImportExecutor) {
        return new KeycloakImports(store, new KeycloakRealmImport(dataSource, clock, store, importedAccounts), audit,
                transactions, keycloakImportExecutor, clock);
    }

    @Bean
    EndpointAuthorization keycloakImportAuthorization() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/keycloak-imports")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.GET, "/keycloak-imports/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.READ));
    }
}
