package dev.signet.server.logout;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.logout.LogoutOutbox;
import dev.signet.server.audit.AuditTrail;
import dev.signet.core.logout.jdbc.JdbcLogoutOutbox;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.clients.ProviderMetadataContributor;
import dev.signet.server.oidc.AuthorizationServerCustomizer;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.sessions.CitizenSessions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Sign-out, RP-initiated logout and back-channel logout. */
@Configuration(proxyBeanMethods = false)
public class LogoutConfiguration {

    @Bean
    LogoutOutbox logoutOutbox(DataSource dataSource, Clock clock) {
        return new JdbcLogoutOutbox(dataSource, clock);
    }

    /** From the relying-party registry ({@code backchannel-logout-uri} in the relying-party file). */
    @Bean
    BackChannelLogoutUris backChannelLogoutUris(RelyingPartyRepository relyingParties) {
        return client -> relyingParties.findByClientId(client.getClientId())
                .flatMap(RelyingParty::backchannelLogoutUri);
    }

    @Bean
    BackChannelLogoutPlanner backChannelLogoutPlanner(AuthorizationStore authorizations,
            RegisteredClientRepository clients, BackChannelLogoutUris logoutUris, LogoutOutbox outbox) {
        return new BackChannelLogoutPlanner(authorizations, clients, logoutUris, outbox);
    }

    /** Signed with the authorization server's JwtEncoder bean if there is one, else with its keys the same way. */
    @Bean
    LogoutTokens logoutTokens(ObjectProvider<JwtEncoder> encoder, JWKSource<SecurityContext> keys,
            SignetProperties signet, LogoutProperties properties, Clock clock) {
        return new LogoutTokens(encoder.getIfAvailable(() -> new NimbusJwtEncoder(keys)), signet.issuer().toString(),
                properties, clock);
    }

    @Bean
    BackChannelLogoutWorker backChannelLogoutWorker(LogoutOutbox outbox, RegisteredClientRepository clients,
            LogoutTokens tokens, LogoutProperties properties, Clock clock, MeterRegistry meters) {
        return new BackChannelLogoutWorker(outbox, clients, tokens, properties, clock, meters);
    }

    @Bean
    SessionTermination sessionTermination(CitizenSessions sessions, BackChannelLogoutPlanner planner,
            AuthorizationStore authorizations, Clock clock) {
        return new SessionTermination(sessions, planner, authorizations, clock);
    }

    @Bean
    CitizenSessionEnding citizenSessionEnding(SessionTermination termination, AuditTrail audit) {
        return new CitizenSessionEnding(termination, audit);
    }

    @Bean
    SignOut signOut(BackChannelLogoutPlanner planner, AuditTrail audit) {
        return new SignOut(planner, audit);
    }

    /** The logout endpoint's response handlers. */
    @Bean
    AuthorizationServerCustomizer relyingPartyLogout(SignOut signOut) {
        RelyingPartyLogoutHandlers handlers = new RelyingPartyLogoutHandlers(signOut);
        return server -> server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout
                .logoutResponseHandler(handlers).errorResponseHandler(handlers)));
    }

    /** Back-Channel Logout 1.0 §2.1: the OP supports it, with {@code sid} in logout tokens. */
    @Bean
    ProviderMetadataContributor backChannelLogoutMetadata() {
        return metadata -> {
            metadata.put("backchannel_logout_supported", true);
            metadata.put("backchannel_logout_session_supported", true);
        };
    }
}
