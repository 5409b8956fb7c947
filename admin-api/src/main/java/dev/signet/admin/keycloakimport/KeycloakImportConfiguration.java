package dev.signet.admin.keycloakimport;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wiring of Keycloak imports, and their access rules: starting one needs {@code admin.manage} (it creates accounts),
 * following one {@code admin.read}.
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakImportConfiguration {

    @Bean
    KeycloakImports keycloakImports(DataSource dataSource, Clock clock, JdbcKeycloakImportStore store,
            JdbcImportedAccounts importedAccounts, OperatorAudit audit, TransactionOperations transactions) {
        return new KeycloakImports(store, new KeycloakRealmImport(dataSource, clock, store, importedAccounts), audit,
                transactions, clock);
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
