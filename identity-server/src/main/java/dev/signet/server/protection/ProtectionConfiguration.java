package dev.signet.server.protection;

import dev.signet.core.protection.AttemptCounter;
import dev.signet.core.protection.inmemory.InMemoryAttemptCounter;
import dev.signet.core.protection.redis.RedisAttemptCounter;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Attempt limits (counted in Redis when configured, in memory otherwise) and security headers. */
@Configuration(proxyBeanMethods = false)
public class ProtectionConfiguration {

    @Bean
    AttemptCounter attemptCounter(ObjectProvider<RedisClusterCommands<String, String>> redis, Clock clock) {
        RedisClusterCommands<String, String> connection = redis.getIfAvailable();
        if (connection != null) {
            return new RedisAttemptCounter(connection, RedisAttemptCounter.sharedKey(connection), clock);
        }
        return new InMemoryAttemptCounter(clock);
    }

    @Bean
    AttemptLimiter attemptLimiter(AttemptCounter counter, ProtectionProperties properties, MeterRegistry meters) {
        return new AttemptLimiter(counter, properties.limits(), meters);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(ProtectionProperties properties) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
                new SecurityHeadersFilter(properties.hstsMaxAge()));
        // First of all, so that every response carries the headers, error pages included.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
