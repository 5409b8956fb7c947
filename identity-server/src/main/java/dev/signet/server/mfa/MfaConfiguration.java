package dev.signet.server.mfa;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.mfa.jdbc.JdbcRecoveryCodeRepository;
import dev.signet.core.mfa.jdbc.JdbcSecondFactorRepository;
import dev.signet.core.mfa.totp.TotpSecretSealer;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.notify.SmsSender;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.credentials.CodesProperties;
import dev.signet.server.keys.KeyEncryptionKeys;
import dev.signet.server.keys.KeysProperties;
import dev.signet.server.signin.CitizenSignIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Second factors: their stores in PostgreSQL, authenticator-app secrets sealed under a key derived from the
 * key-encryption key of the signing keys ({@code signet.keys.encryption-key}), codes sent through the email and SMS
 * senders.
 */
@Configuration(proxyBeanMethods = false)
class MfaConfiguration {

    @Bean
    SecondFactorRepository secondFactorRepository(DataSource dataSource) {
        return new JdbcSecondFactorRepository(dataSource);
    }

    @Bean
    RecoveryCodeRepository recoveryCodeRepository(DataSource dataSource) {
        return new JdbcRecoveryCodeRepository(dataSource);
    }

    /** Same key source as the signing keys: configured, or generated into the data directory by the embedded default. */
    @Bean
    TotpSecretSealer totpSecretSealer(KeysProperties keys, SignetProperties signet, Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank();
        SecureRandom random = new SecureRandom();
        return new TotpSecretSealer(KeyEncryptionKeys.resolve(keys, embedded, signet.dataDirectory(), random),
                random);
    }

    @Bean
    SecondFactorMessages secondFactorMessages(ObjectProvider<SmsSender> sms, EmailSender email,
            MessageSource messages, CodesProperties codes) {
        SmsSender sender = sms.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("signet.sms.transport is custom but no SmsSender bean was found: add the "
                    + "plug-in of your SMS gateway, or set signet.sms.transport=outbox (docs/second-factors.md)");
        }
        return new SecondFactorMessages(sender, email, messages, codes.timeToLive().toMinutes());
    }

    @Bean
    SecondFactors secondFactors(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes,
            TotpSecretSealer sealer, OneTimeCodeStore codes, CodesProperties codeSettings,
            SecondFactorMessages messages, AccountRepository accounts, PasswordHasher hasher, MfaProperties settings,
            MeterRegistry meters, Clock clock) {
        return new SecondFactors(factors, recoveryCodes, sealer, codes, codeSettings, messages, accounts, hasher,
                settings, meters, clock);
    }

    @Bean
    SecondFactorSignIn secondFactorSignIn(SecondFactors secondFactors, CitizenSignIn citizenSignIn,
            MfaProperties settings, AuditTrail audit) {
        return new SecondFactorSignIn(secondFactors, citizenSignIn, settings, audit);
    }
}
