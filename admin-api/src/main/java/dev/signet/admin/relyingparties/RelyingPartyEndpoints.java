package dev.signet.admin.relyingparties;

import dev.signet.admin.security.EndpointAuthorization;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.jdbc.JdbcManagedRelyingPartyRepository;
import dev.signet.core.operator.OperatorScopes;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Relying parties: reading needs {@code admin.read}, every change {@code admin.manage}. Stored in the
 * {@code relying_party} table that identity-server serves from (no cache there), so a change holds at once.
 */
@Configuration(proxyBeanMethods = false)
public class RelyingPartyEndpoints {

    @Bean
    EndpointAuthorization relyingPartyAuthorization() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/relying-parties", "/relying-parties/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.READ))
                .requestMatchers(HttpMethod.POST, "/relying-parties", "/relying-parties/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.PUT, "/relying-parties/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE))
                .requestMatchers(HttpMethod.PATCH, "/relying-parties/**")
                .hasAuthority(EndpointAuthorization.scope(OperatorScopes.MANAGE));
    }

    @Bean
    ManagedRelyingPartyRepository managedRelyingPartyRepository(DataSource dataSource, Clock clock) {
        return new JdbcManagedRelyingPartyRepository(dataSource, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    SectorIdentifierDocuments sectorIdentifierDocuments() {
        return SectorIdentifierDocuments.standard();
    }

    @Bean
    RegistrationValidator registrationValidator(SectorIdentifierDocuments documents) {
        return new RegistrationValidator(documents);
    }
}
