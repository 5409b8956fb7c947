package dev.signet.server.outage;

import jakarta.servlet.ServletContext;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/** Answers 503 while Redis or PostgreSQL is unreachable ({@link ServiceUnavailableFilter}). */
@Configuration(proxyBeanMethods = false)
public class OutageConfiguration {

    @Bean
    FilterRegistrationBean<ServiceUnavailableFilter> serviceUnavailableFilter(AuthorizationServerSettings settings,
            ITemplateEngine templates, LocaleResolver localeResolver, MessageSource messages,
            ServletContext servletContext) {
        Set<String> protocolEndpoints = Set.of(settings.getTokenEndpoint(), settings.getTokenIntrospectionEndpoint(),
                settings.getTokenRevocationEndpoint(), settings.getPushedAuthorizationRequestEndpoint(),
                settings.getDeviceAuthorizationEndpoint(), settings.getJwkSetEndpoint(),
                settings.getOidcUserInfoEndpoint(), settings.getOidcClientRegistrationEndpoint());
        FilterRegistrationBean<ServiceUnavailableFilter> registration = new FilterRegistrationBean<>(
                new ServiceUnavailableFilter(new ServiceUnavailableResponses(protocolEndpoints, templates,
                        localeResolver, messages, servletContext)));
        // Outside Spring Session's filter, which loads and saves the session in Redis around everything else.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
