package dev.signet.admin.accounts;

import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Searching and viewing accounts needs {@code admin.read}. */
@Configuration(proxyBeanMethods = false)
public class AccountEndpoints {

    @Bean
    EndpointAuthorization accountReadAuthorization() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/accounts", "/accounts/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.READ));
    }
}
