package dev.signet.server.events;

import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.events.IssuedSubjects;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.events.SecurityEventOutbox;
import dev.signet.core.events.jdbc.JdbcIssuedSubjects;
import dev.signet.core.events.jdbc.JdbcSecurityEventOutbox;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.federation.ConnectorRegistry;
import dev.signet.server.logout.LogoutProperties;
import dev.signet.server.oidc.TokenClaimsContributor;
import dev.signet.server.oidc.claims.SubjectIdentifiers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Security events to relying parties (docs/security-events.md): the record of which relying party was given which
 * citizen's {@code sub}, {@link RelyingPartyEvents} for the rest of Signet to call when it merges accounts or unlinks
 * a legacy identity, and the worker that signs and pushes the tokens.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    IssuedSubjects issuedSubjects(DataSource dataSource, Clock clock) {
        return new JdbcIssuedSubjects(dataSource, clock);
    }

    @Bean
    TokenClaimsContributor issuedSubjectRecorder(IssuedSubjects subjects) {
        return new IssuedSubjectRecorder(subjects);
    }

    @Bean
    SecurityEventOutbox securityEventOutbox(DataSource dataSource, Clock clock) {
        return new JdbcSecurityEventOutbox(dataSource, clock);
    }

    @Bean
    RelyingPartyEvents relyingPartyEvents(IssuedSubjects subjects, RelyingPartyRepository relyingParties,
            SecurityEventOutbox outbox) {
        return new RelyingPartyEvents(subjects, relyingParties, outbox);
    }

    @Bean
    SecurityEventTokens securityEventTokens(JwtEncoder encoder, SignetProperties signet, SubjectIdentifiers subjects,
            ConnectorRegistry connectors, Clock clock) {
        ConnectorDepartments departments = connectorId -> connectors.instance(connectorId)
                .map(instance -> instance.department());
        return new SecurityEventTokens(encoder, signet.issuer().toString(), subjects, departments, clock);
    }

    @Bean
    SecurityEventWorker securityEventWorker(SecurityEventOutbox outbox, RelyingPartyRepository relyingParties,
            SecurityEventTokens tokens, LogoutProperties retries, Clock clock, MeterRegistry meters) {
        return new SecurityEventWorker(outbox, relyingParties, tokens, retries, clock, meters);
    }
}
