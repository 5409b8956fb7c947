package dev.signet.server.signin;

import dev.signet.server.oidc.StatelessEndpoints;
import java.time.Clock;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Session lifetime enforcement for signed-in citizens. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    FilterRegistrationBean<AbsoluteSessionLifetimeFilter> absoluteSessionLifetimeFilter(SessionProperties properties,
            Clock clock, StatelessEndpoints statelessEndpoints) {
        FilterRegistrationBean<AbsoluteSessionLifetimeFilter> registration = new FilterRegistrationBean<>(
                new AbsoluteSessionLifetimeFilter(properties.absoluteLifetime(), clock, statelessEndpoints));
        // After Spring Session's repository filter (when sessions live in Redis), before Spring Security reads the
        // security context from the session.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
