package dev.signet.server.sessions;

import dev.signet.server.oidc.StatelessEndpoints;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Registers Spring Session's filter (sessions in Redis) for every request except the stateless protocol endpoints
 * ({@link StatelessEndpoints}: token, introspection, revocation, JWKS), which neither read nor create a session.
 *
 * <p>Why this way: Spring Boot's own registration ({@code SessionAutoConfiguration}, excluded in application.yml)
 * maps the filter to {@code /*} with no way to leave paths out (servlet URL patterns only include), and the filter
 * cannot be told to skip a request ({@code doFilter} is final, and its bean is made by Spring Session's
 * configuration). A registration of our own for a small gate in front of it is the one place that decides, with the
 * same predicate as the security filter chain, and leaves Spring Session's classes and bean untouched. The filter
 * bean itself is registered disabled so that Boot does not also map it to {@code /*} as a plain filter bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
public class SessionFilterConfiguration {

    /** Boot would map a filter bean with no registration of its own to every request: it runs only through the gate. */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterOnItsOwn(
            SessionRepositoryFilter<?> springSessionRepositoryFilter) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration =
                new FilterRegistrationBean<>(springSessionRepositoryFilter);
        registration.setEnabled(false);
        return registration;
    }

    /** Where Boot put it: its default order and dispatcher types ({@code spring.session.servlet.*}). */
    @Bean
    FilterRegistrationBean<SessionFilterExceptStatelessEndpoints> springSessionRepositoryFilterRegistration(
            SessionRepositoryFilter<?> springSessionRepositoryFilter, StatelessEndpoints statelessEndpoints) {
        FilterRegistrationBean<SessionFilterExceptStatelessEndpoints> registration = new FilterRegistrationBean<>(
                new SessionFilterExceptStatelessEndpoints(springSessionRepositoryFilter, statelessEndpoints));
        registration.setName("springSessionRepositoryFilter");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.REQUEST));
        return registration;
    }
}
