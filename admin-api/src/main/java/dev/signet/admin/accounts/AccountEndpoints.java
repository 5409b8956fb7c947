package dev.signet.admin.accounts;

import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.operator.OperatorScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Searching and viewing accounts (and previewing a merge) needs {@code admin.read}; support actions on an account
 * (second-factor reset, ending one session, unlinking a legacy identity) {@code admin.support}; erasure, linking a legacy identity, merging
 * and undoing a merge {@code admin.manage}. Interventions are open to either change scope here: which one a request needs
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
                .requestMatchers(HttpMethod.POST, "/accounts/*/sessions/*/end")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.SUPPORT))
                .requestMatchers(HttpMethod.POST, "/accounts/*/erasure")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                // Linking and merging give an account's holder someone's old records; unlinking only takes away.
                .requestMatchers(HttpMethod.POST, "/accounts/*/merge", "/accounts/*/merge/undo",
                        "/accounts/*/linked-identities")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.DELETE, "/accounts/*/linked-identities")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.SUPPORT));
    }
}
