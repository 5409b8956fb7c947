package dev.signet.server.sessions;

import dev.signet.core.redis.LettuceClients;
import dev.signet.core.redis.RedisEndpoint;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.protection.ProtectionProperties;
import dev.signet.server.redis.RedisProperties;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * HTTP sessions in Redis when {@code signet.redis.url} is set, so any instance can serve a signed-in citizen.
 * Sessions are indexed by principal name (the account id): the authorization server's session registry finds a
 * citizen's sessions through that index (for {@code sid} in ID tokens and logout), and "sign out everywhere" can too.
 *
 * <p>On a Redis Cluster, Spring Session's keys for one session live in different hash slots, but it never touches two
 * of them in one command, except renaming a session when its id changes at sign-in, which Spring Data's cluster
 * connection performs across slots itself. Its expiry events come from every master ({@link ClusterKeyspaceEvents}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "signet.redis.url")
@EnableRedisIndexedHttpSession(redisNamespace = RedisSessionConfiguration.NAMESPACE)
public class RedisSessionConfiguration {

    /** Spring Session's key namespace in Redis (admin-api's RedisAccountSessionDirectory reads the same keys). */
    static final String NAMESPACE = "signet:session";
    /** Sessions whose expiry minute an instance remembers: its recently active ones (about 100 bytes each). */
    private static final int REMEMBERED_EXPIRY_MINUTES = 10_000;

    /** Spring Data's Lettuce factory for the same endpoint, with the same timeouts, as Signet's own connection. */
    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisProperties properties, ClientResources resources) {
        RedisEndpoint endpoint = properties.endpoint();
        // The same fail-fast settings as Signet's own connection: no request waits on a dead Redis.
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .clientResources(resources)
                .clientOptions(LettuceClients.options(properties.connection()))
                .commandTimeout(properties.timeout());
        if (endpoint.ssl()) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(springDataConfiguration(endpoint), client.build());
    }

    private static RedisConfiguration springDataConfiguration(RedisEndpoint endpoint) {
        if (endpoint instanceof RedisEndpoint.Cluster cluster) {
            RedisClusterConfiguration configuration = new RedisClusterConfiguration(
                    cluster.nodes().stream().map(node -> node.getHost() + ":" + node.getPort()).toList());
            RedisURI first = cluster.nodes().get(0);
            if (first.getCredentialsProvider() != null) {
                first.getCredentialsProvider().resolveCredentials().blockOptional().ifPresent(credentials -> {
                    if (credentials.hasUsername()) {
                        configuration.setUsername(credentials.getUsername());
                    }
                    if (credentials.hasPassword()) {
                        configuration.setPassword(credentials.getPassword());
                    }
                });
            }
            return configuration;
        }
        return LettuceConnectionFactory.createRedisConfiguration(endpoint.uris().get(0));
    }

    /** Static: a post-processor must exist before the container it configures. */
    @Bean
    static SessionEventsExecutor sessionEventsExecutor() {
        return new SessionEventsExecutor();
    }

    /** Session expiry events from every master of a Redis Cluster; inactive otherwise. */
    @Bean
    ClusterKeyspaceEvents clusterKeyspaceEvents(AbstractRedisClient redisClient,
            RedisIndexedSessionRepository sessionRepository) {
        return new ClusterKeyspaceEvents(redisClient, sessionRepository);
    }

    @Bean
    CookieSerializer cookieSerializer(SignetProperties properties,
            ProtectionProperties protection) {
        SessionCookie cookie = SessionCookie.forIssuer(properties.issuer(), protection.sessionCookie());
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(cookie.name());
        serializer.setUseSecureCookie(cookie.secure());
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        return serializer;
    }

    /** The same idle lifetime as the embedded default's container sessions. */
    @Bean
    SessionRepositoryCustomizer<RedisIndexedSessionRepository> sessionIdleTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /** Spring Session's expirations bookkeeping, written when a session's expiry minute changes, not at every save. */
    @Bean
    SessionRepositoryCustomizer<RedisIndexedSessionRepository> sessionExpirationStore() {
        return repository -> repository.setExpirationStore(new RememberingExpirationStore(
                repository.getSessionRedisOperations(), NAMESPACE, REMEMBERED_EXPIRY_MINUTES));
    }

    /**
     * The repository the HTTP session filter saves through: Spring Session's, without rewriting a session whose only
     * change is a last access within {@code signet.sessions.last-access-write-interval} of the stored one. Primary
     * for the filter only; everything that needs the Redis repository itself asks for it by its type.
     */
    @Bean
    @Primary
    CoarseLastAccessSessionRepository httpSessionRepository(RedisIndexedSessionRepository sessions,
            @Value("${signet.sessions.last-access-write-interval:1m}") Duration writeInterval,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        if (writeInterval.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("signet.sessions.last-access-write-interval (" + writeInterval
                    + ") must be shorter than server.servlet.session.timeout (" + timeout + ")");
        }
        return new CoarseLastAccessSessionRepository(sessions, writeInterval);
    }

    /** Reads only what the authorization server asks of a session (its id and last access), not whole sessions. */
    @Bean
    SessionRegistry sessionRegistry(RedisIndexedSessionRepository sessions, Clock clock,
            RedisProperties properties) {
        return new RedisSessionRegistry(sessions, NAMESPACE, clock, properties.timeout());
    }

    @Bean
    CitizenSessions citizenSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new RedisCitizenSessions(sessions);
    }
}
