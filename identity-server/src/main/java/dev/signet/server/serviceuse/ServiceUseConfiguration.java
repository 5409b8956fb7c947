package dev.signet.server.serviceuse;

import dev.signet.core.serviceuse.ServiceUseRepository;
import dev.signet.core.serviceuse.jdbc.JdbcServiceUseRepository;
import dev.signet.server.oidc.TokenClaimsContributor;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services each citizen has signed in to ("Services you have used" on the account page). */
@Configuration(proxyBeanMethods = false)
public class ServiceUseConfiguration {

    /** In PostgreSQL in both modes: it must outlive the authorizations, which Redis or the cleanup job forgets. */
    @Bean
    ServiceUseRepository serviceUseRepository(DataSource dataSource) {
        return new JdbcServiceUseRepository(dataSource);
    }

    @Bean
    TokenClaimsContributor serviceSignInRecorder(ServiceUseRepository services, Clock clock) {
        return new ServiceSignInRecorder(services, clock);
    }
}
