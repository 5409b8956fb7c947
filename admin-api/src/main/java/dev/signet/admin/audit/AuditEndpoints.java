package dev.signet.admin.audit;

import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Reading the audit log needs {@code audit.read}, which is granted apart from the account scopes. */
@Configuration(proxyBeanMethods = false)
public class AuditEndpoints {

    @Bean
    EndpointAuthorization auditAuthorization() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/audit", "/audit/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.AUDIT_READ));
    }
}
