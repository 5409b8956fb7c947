package dev.signet.server.credentials;

import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.inmemory.InMemoryOneTimeCodeStore;
import dev.signet.core.code.redis.RedisOneTimeCodeStore;
import dev.signet.core.password.CommonPasswords;
import dev.signet.core.password.NistPasswordPolicy;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.core.password.argon2.Argon2idPasswordHasher;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passwords (Argon2id, NIST policy) and one-time codes (Redis when configured, in memory otherwise). */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    /** Argon2id for every new hash; also verifies legacy hashes a bulk import stored, and asks to replace them. */
    @Bean
    PasswordHasher passwordHasher(PasswordsProperties properties) {
        return new LegacyCompatiblePasswordHasher(
                new Argon2idPasswordHasher(properties.cost(), properties.concurrentHashes()));
    }

    @Bean
    PasswordPolicy passwordPolicy(PasswordsProperties properties) {
        return new NistPasswordPolicy(properties.minLength(), properties.maxLength(), CommonPasswords.shipped());
    }

    @Bean
    OneTimeCodeStore oneTimeCodeStore(CodesProperties properties,
            ObjectProvider<StatefulRedisConnection<String, String>> redis, Clock clock) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable();
        byte[] key = properties.key();
        if (connection != null) {
            byte[] shared = key != null ? key : RedisOneTimeCodeStore.sharedKey(connection);
            return new RedisOneTimeCodeStore(connection, new CodeDigester(shared, new SecureRandom()),
                    properties.maxAttempts());
        }
        CodeDigester digester = key != null ? new CodeDigester(key, new SecureRandom()) : CodeDigester.withRandomKey();
        return new InMemoryOneTimeCodeStore(digester, properties.maxAttempts(), clock);
    }
}
