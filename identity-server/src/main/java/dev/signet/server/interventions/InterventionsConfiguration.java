package dev.signet.server.interventions;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.jdbc.JdbcSessionEndingOutbox;
import dev.signet.server.logout.LogoutProperties;
import dev.signet.server.logout.SessionTermination;
import dev.signet.server.oidc.StatelessEndpoints;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.refresh.RefreshGrantCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Account interventions, where they are enforced besides sign-in (refresh grants and existing sessions), and the
 * worker that ends sessions for the admin API's interventions and erasures.
 */
@Configuration(proxyBeanMethods = false)
public class InterventionsConfiguration {

    @Bean
    AccountInterventions accountInterventions(AccountRepository accounts, SessionTermination sessions,
            MeterRegistry meters) {
        return new AccountInterventions(accounts, sessions, meters);
    }

    /** The admin API's interventions and erasures queue their session endings here (migration V80). */
    @Bean
    SessionEndingOutbox sessionEndingOutbox(DataSource dataSource, Clock clock) {
        return new JdbcSessionEndingOutbox(dataSource, clock);
    }

    @Bean
    SessionEndingWorker sessionEndingWorker(SessionEndingOutbox outbox, SessionTermination sessions,
            LogoutProperties properties, Clock clock, MeterRegistry meters) {
        return new SessionEndingWorker(outbox, sessions, properties, clock, meters);
    }

    @Bean
    RefreshGrantCheck activeAccountRefreshCheck(AccountRepository accounts, AuthorizationStore authorizations,
            Clock clock) {
        return new ActiveAccountRefreshCheck(accounts, authorizations, clock);
    }

    @Bean
    FilterRegistrationBean<ActiveAccountSessionFilter> activeAccountSessionFilter(AccountRepository accounts,
            StatelessEndpoints statelessEndpoints) {
        FilterRegistrationBean<ActiveAccountSessionFilter> registration = new FilterRegistrationBean<>(
                new ActiveAccountSessionFilter(accounts, statelessEndpoints));
        // After Spring Session's repository filter, before Spring Security reads the security context.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }
}
