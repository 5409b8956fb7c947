package dev.signet.server.web;

import dev.signet.server.oidc.AuthorizationServerConfiguration;
import dev.signet.server.signin.JourneyTimedOutPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Everything that is not an authorization-server endpoint: the citizen's pages. Journeys (sign-in, sign-up, reset)
 * are open and keep their own state in the session; "your account" pages need a signed-in citizen.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain webFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/account/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                                new LoginUrlAuthenticationEntryPoint(AuthorizationServerConfiguration.SIGN_IN_PAGE))
                        // A form sent after its session expired: "start again", not a 403.
                        .accessDeniedHandler(JourneyTimedOutPages.accessDeniedHandler()));
        return http.build();
    }
}
