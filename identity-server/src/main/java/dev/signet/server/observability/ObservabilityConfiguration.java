package dev.signet.server.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Signet's own metrics, published with Boot's on {@code /actuator/prometheus}: latency of the authorization server's
 * endpoints and tokens issued by grant type. Sign-in outcomes are counted by the sign-in journey itself.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    FilterRegistrationBean<OAuth2EndpointMetricsFilter> oauth2EndpointMetricsFilter(
            AuthorizationServerSettings settings, MeterRegistry registry) {
        Map<String, String> endpoints = endpointsByPath(settings);
        FilterRegistrationBean<OAuth2EndpointMetricsFilter> registration = new FilterRegistrationBean<>(
                new OAuth2EndpointMetricsFilter(endpoints, registry));
        registration.setUrlPatterns(endpoints.keySet());
        // Just outside Spring Security, so the time includes client authentication and the grant itself.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * No observation per security filter, authentication and authorization: with them every request started and
     * stopped some thirty observations (a filter chain of thirty filters), a tenth of the CPU of a token grant, for
     * metrics nobody reads. The endpoint latencies above and Boot's HTTP server metrics remain.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    TokenIssuanceMetrics tokenIssuanceMetrics(MeterRegistry registry) {
        return new TokenIssuanceMetrics(registry);
    }

    private static Map<String, String> endpointsByPath(AuthorizationServerSettings settings) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(settings.getAuthorizationEndpoint(), "authorize");
        endpoints.put(settings.getPushedAuthorizationRequestEndpoint(), "par");
        endpoints.put(settings.getTokenEndpoint(), "token");
        endpoints.put(settings.getTokenIntrospectionEndpoint(), "introspect");
        endpoints.put(settings.getTokenRevocationEndpoint(), "revoke");
        endpoints.put(settings.getOidcUserInfoEndpoint(), "userinfo");
        endpoints.put(settings.getOidcLogoutEndpoint(), "logout");
        endpoints.put(settings.getJwkSetEndpoint(), "jwks");
        return endpoints;
    }
}
