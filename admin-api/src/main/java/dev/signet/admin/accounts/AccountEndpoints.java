package dev.signet.admin.accounts;

import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Searching and viewing accounts needs {@code admin.read}; support actions on an account {@code admin.support};
 * erasure {@code admin.manage}. Interventions are open to either change scope here: which one a request needs
 * depends on the intervention and the account's status ({@link InterventionType}), checked by the controller.
 */
@Configuration(proxyBeanMethods = false)
public class AccountEndpoints {

    @Bean
    EndpointAuthorization accountReadAuthorization() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/accounts", "/accounts/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.READ));
    }

    @Bean
    EndpointAuthorization accountActionAuthorization() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/accounts/*/interventions")
                .hasAnyAuthority(EndpointAuthorization.scope(OperatorScopes.SUPPORT),
                        EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.DELETE, "/accounts/*/second-factors")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.SUPPORT))
                .requestMatchers(HttpMethod.POST, "/accounts/*/erasure")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE));
    }
}
