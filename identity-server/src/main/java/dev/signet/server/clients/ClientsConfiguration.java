package dev.signet.server.clients;

import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.jdbc.JdbcManagedRelyingPartyRepository;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import dev.signet.core.replay.ReplayCache;
import dev.signet.core.replay.inmemory.InMemoryReplayCache;
import dev.signet.core.replay.redis.RedisReplayCache;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.oidc.AuthorizationServerCustomizer;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.refresh.RefreshGrantCheck;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Relying parties: read from {@code signet.clients.file} at start-up (a wrong file stops the server), stored in
 * PostgreSQL next to those operators manage through the admin API, and served to the authorization server from there,
 * read once per request (no cache beyond it), so an operator's change holds on every instance from its commit.
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClientsConfiguration.class);

    /** The relying parties of the file, once they are in the database. */
    record DeclaredRelyingParties(List<RelyingParty> relyingParties) {
    }

    /** Enabled relying parties, from the same once-per-request read of a client's row as the registered clients. */
    @Bean
    RelyingPartyRepository relyingPartyRepository(DataSource dataSource, Clock clock,
            RequestScopedManagedRelyingParties rows) {
        return new EnabledRelyingParties(new JdbcRelyingPartyRepository(dataSource, clock), rows);
    }

    @Bean
    RequestScopedManagedRelyingParties managedRelyingPartyRepository(DataSource dataSource, Clock clock) {
        return new RequestScopedManagedRelyingParties(new JdbcManagedRelyingPartyRepository(dataSource, clock));
    }

    @Bean
    @DependsOnDatabaseInitialization
    DeclaredRelyingParties declaredRelyingParties(ClientsProperties properties, ResourceLoader resourceLoader,
            RelyingPartyRepository repository) {
        Resource file = resource(properties.file(), resourceLoader);
        List<RelyingParty> declared = new RelyingPartyFileLoader().load(file);
        List<String> managedByOperators = repository.replaceFileDeclared(declared);
        log.info("Relying parties from {}: {}", properties.file(),
                declared.stream().map(RelyingParty::clientId).toList());
        if (!managedByOperators.isEmpty()) {
            log.warn("Relying parties in {} left as operators changed them through the admin API (the file no longer "
                    + "applies to them): {}", properties.file(), managedByOperators);
        }
        return new DeclaredRelyingParties(declared);
    }

    private static Resource resource(String location, ResourceLoader resourceLoader) {
        return location.startsWith("classpath:") || location.startsWith("file:")
                ? resourceLoader.getResource(location) : new FileSystemResource(location);
    }

    /** Takes {@link DeclaredRelyingParties} so that no client is served before the file is in the database. */
    @Bean
    RegisteredClientRepository registeredClientRepository(ManagedRelyingPartyRepository repository,
            DeclaredRelyingParties declared, Clock clock) {
        return new RelyingPartyRegisteredClientRepository(repository, clock);
    }

    /** Refresh tokens issued before a relying party was disabled stay refused once it is enabled again. */
    @Bean
    RefreshGrantCheck refreshAfterDisableCheck(ManagedRelyingPartyRepository repository,
            AuthorizationStore authorizations, Clock clock) {
        return new RefreshAfterDisableCheck(repository, authorizations, clock);
    }

    /** A disabled relying party's tokens introspect as inactive. */
    @Bean
    AuthorizationServerCustomizer disabledClientIntrospection(AuthorizationStore authorizations,
            RegisteredClientRepository registeredClients) {
        return new DisabledClientIntrospection(authorizations, registeredClients);
    }

    @Bean
    ReplayCache replayCache(ObjectProvider<RedisClusterCommands<String, String>> redis, Clock clock) {
        RedisClusterCommands<String, String> connection = redis.getIfAvailable();
        return connection != null ? new RedisReplayCache(connection, clock) : new InMemoryReplayCache(clock);
    }

    @Bean
    ClientKeys clientKeys() {
        return new ClientKeys();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AuthorizationRequestValidator signetAuthorizationRequestRules(RelyingPartyRepository repository) {
        return new SignetAuthorizationRequestRules(repository);
    }

    @Bean
    AuthorizationServerCustomizer clientsAuthorizationServerCustomizer(RelyingPartyRepository repository,
            RegisteredClientRepository registeredClients, ClientKeys clientKeys, ReplayCache replayCache,
            ClientsProperties properties, SignetProperties signet, AuthorizationServerSettings settings, Clock clock,
            List<AuthorizationRequestValidator> validators, List<ProviderMetadataContributor> metadataContributors) {
        String issuer = signet.issuer().toString();
        // RFC 7523 §3: the audience identifies the authorization server: its issuer or its token endpoint.
        Set<String> audiences = Set.of(issuer, issuer + settings.getTokenEndpoint());
        ClientAssertionDecoderFactory assertions = new ClientAssertionDecoderFactory(repository, clientKeys,
                audiences, properties.assertionMaxLifetime(), replayCache, clock);
        return new ClientsAuthorizationServerCustomizer(new Sha256ClientSecretEncoder(), assertions,
                converter -> new RequestObjectAuthorizationRequestConverter(converter, repository, clientKeys, clock),
                validators, new AuthorizationResponses(registeredClients), metadataContributors);
    }
}
