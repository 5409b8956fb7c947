package dev.signet.server.sessions;

import dev.signet.server.oidc.StatelessEndpoints;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Notes each signed-in session's device, in either session store. */
@Configuration(proxyBeanMethods = false)
public class SessionDeviceConfiguration {

    @Bean
    FilterRegistrationBean<SessionDeviceFilter> sessionDeviceFilter(StatelessEndpoints statelessEndpoints) {
        FilterRegistrationBean<SessionDeviceFilter> registration = new FilterRegistrationBean<>(
                new SessionDeviceFilter(statelessEndpoints));
        // After Spring Session's repository filter (the session is the shared one), before Spring Security.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
