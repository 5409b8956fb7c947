package dev.signet.admin.idempotency;

import dev.signet.admin.AdminProperties;
import dev.signet.core.idempotency.IdempotencyStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the idempotency-key filter after Spring Security's filter chain (order -100), so keys are per operator. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    static final int ORDER_AFTER_SECURITY = 0;

    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyStore store,
            AdminProperties properties, ObjectProvider<IdempotencyKeyFilter.OwnKeys> ownKeys) {
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyKeyFilter(store, properties.idempotencyKeyLifetime(),
                        ownKeys.orderedStream().toList()));
        registration.setOrder(ORDER_AFTER_SECURITY);
        return registration;
    }
}
