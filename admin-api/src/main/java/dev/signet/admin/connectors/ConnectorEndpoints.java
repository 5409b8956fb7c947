package dev.signet.admin.connectors;

import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reading connectors and their migration progress needs {@code admin.read}; creating, changing, disabling, enabling
 * and testing them (a test uses the connector's secrets against the old system) {@code admin.manage}.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorEndpoints {

    @Bean
    EndpointAuthorization connectorAuthorization() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/connectors", "/connectors/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.READ))
                .requestMatchers(HttpMethod.POST, "/connectors", "/connectors/*/disable", "/connectors/*/enable",
                        "/connectors/*/test")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.PUT, "/connectors/*")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE));
    }
}
