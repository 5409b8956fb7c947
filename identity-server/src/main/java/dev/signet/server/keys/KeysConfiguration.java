package dev.signet.server.keys;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.signet.core.keys.KeyEncryption;
import dev.signet.core.keys.KeySchedule;
import dev.signet.core.keys.SigningKeyRepository;
import dev.signet.core.keys.jdbc.JdbcSigningKeyRepository;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.oidc.TokenClaimsContributor;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Token-signing keys: stored encrypted in PostgreSQL, made and rotated on a schedule, cached decrypted in memory, and
 * given to the authorization server as its {@link JwtEncoder} and {@link JWKSource}.
 */
@Configuration(proxyBeanMethods = false)
public class KeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

    @Bean
    SigningKeyRepository signingKeyRepository(DataSource dataSource) {
        return new JdbcSigningKeyRepository(dataSource);
    }

    @Bean
    KeySchedule keySchedule(KeysProperties properties) {
        return new KeySchedule(properties.rotationPeriod(), properties.overlap());
    }

    @Bean
    KeyEncryption keyEncryption(KeysProperties properties, SignetProperties signet, Environment environment) {
        SecureRandom random = new SecureRandom();
        String url = environment.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank();
        return new KeyEncryption(KeyEncryptionKeys.resolve(properties, embedded, signet.dataDirectory(), random),
                random);
    }

    @Bean
    KeyRotation keyRotation(SigningKeyRepository repository, KeySchedule schedule, KeyEncryption encryption,
            Clock clock) {
        return new KeyRotation(repository, schedule, new SigningKeyGenerator(encryption, new SecureRandom()), clock);
    }

    /** Ready to sign once created: the keys due are made (first start) and loaded before any request is served. */
    @Bean
    @DependsOnDatabaseInitialization
    SigningKeyCache signingKeyCache(SigningKeyRepository repository, KeyEncryption encryption, KeySchedule schedule,
            KeyRotation rotation, Clock clock) {
        SigningKeyCache cache = new SigningKeyCache(repository, encryption, schedule, new BouncyCastleProvider(),
                clock);
        rotation.rotate();
        cache.refresh();
        return cache;
    }

    @Bean
    KeyMaintenance keyMaintenance(KeyRotation rotation, SigningKeyCache cache) {
        return new KeyMaintenance(rotation, cache);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyCache cache) {
        return new SigningKeyJwkSource(cache);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeyCache cache) {
        return new SigningKeyJwtEncoder(cache);
    }

    /** First, so that contributors running later see the final algorithm. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    TokenClaimsContributor tokenSigningAlgorithms() {
        return new TokenSigningAlgorithms();
    }

    @Bean
    FilterRegistrationBean<JwksCacheControlFilter> jwksCacheControl(KeysProperties properties,
            AuthorizationServerSettings settings) {
        FilterRegistrationBean<JwksCacheControlFilter> registration =
                new FilterRegistrationBean<>(new JwksCacheControlFilter(properties.jwksMaxAge()));
        registration.addUrlPatterns(settings.getJwkSetEndpoint());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Every instance, every {@code signet.keys.refresh-interval}: make keys that are due, then reload them. */
    static final class KeyMaintenance {

        private final KeyRotation rotation;
        private final SigningKeyCache cache;

        KeyMaintenance(KeyRotation rotation, SigningKeyCache cache) {
            this.rotation = rotation;
            this.cache = cache;
        }

        @Scheduled(fixedDelayString = "${signet.keys.refresh-interval}",
                initialDelayString = "${signet.keys.refresh-interval}")
        void run() {
            try {
                rotation.rotate();
            } catch (RuntimeException e) {
                log.error("Signing-key rotation failed; will retry at the next refresh", e);
            }
            try {
                cache.refresh();
            } catch (RuntimeException e) {
                log.error("Reloading the signing keys failed; signing with the keys loaded before", e);
            }
        }
    }
}
